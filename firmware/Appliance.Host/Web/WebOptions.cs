namespace Appliance.Host.Web;

/// <summary>
/// The box's own small web listener (HTTP/1.1, loopback only): agents' desktops fetch their screen pop here, and the
/// web admin will add its pages to it. Off unless <see cref="Enabled"/>; bound from <see cref="SectionName"/>.
/// </summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Web";

    /// <summary>Off by default: nothing listens until a technician turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address to listen on; must be a loopback address (a desktop on the branch network reaches it through a local proxy).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>How many of the caller's previous calls a screen pop lists, newest first.</summary>
    public int PreviousCalls { get; set; } = 5;

    /// <summary>How many of the caller's open tickets a screen pop lists, newest first.</summary>
    public int OpenTickets { get; set; } = 10;

    /// <summary>How long a digest nonce is accepted; an older one gets stale=true and the desktop retries silently.</summary>
    public int NonceLifetimeSeconds { get; set; } = 300;
}
