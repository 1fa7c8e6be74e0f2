using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Appliance.Sip.Transport;

/// <summary>Where the SIP transports listen and how much a peer may hold open. Bound from the "Sip:Transport" section.</summary>
public sealed class SipTransportOptions : IValidatableObject
{
    public const string SectionName = "Sip:Transport";

    /// <summary>The local address to bind (an IP literal); 0.0.0.0 listens on every IPv4 interface.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The local port; 5060 is the SIP default (RFC 3261 §19.1.2), 0 picks a free port (tests).</summary>
    [Range(0, 65_535)]
    public int Port { get; set; } = 5060;

    /// <summary>Most TCP connections open at once, inbound and outbound together; more are refused.</summary>
    [Range(1, 100_000)]
    public int MaxConnections { get; set; } = 1_024;

    /// <summary>A TCP connection with no traffic for this long is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an outbound TCP connect may take before its queued messages are dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages queued for one TCP connection beyond this are dropped, so a stalled peer cannot exhaust memory.</summary>
    [Range(1, 10_000)]
    public int MaxQueuedMessagesPerConnection { get; set; } = 256;

    /// <summary>
    /// Error replies (400, 505…) to requests that do not parse, per source address per second; more are not answered.
    /// The sender is unauthenticated and its address may be forged, so junk must not buy unbounded traffic.
    /// </summary>
    [Range(1, 10_000)]
    public int ErrorRepliesPerSecond { get; set; } = 10;

    public IPEndPoint ToEndPoint() =>
        IPAddress.TryParse(ListenAddress, out var address)
            ? new IPEndPoint(address, Port)
            : throw new InvalidOperationException($"{SectionName}:ListenAddress '{ListenAddress}' is not an IP address.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult($"{SectionName}:ListenAddress '{ListenAddress}' is not an IP address.", [nameof(ListenAddress)]);
        }
    }
}
