using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Registrar.Internal;

/// <summary>
/// Where an account's REGISTERs go: the outbound proxy when there is one, else the registrar, at its port or 5060.
/// Names are looked up with the system resolver (A/AAAA); RFC 3263 NAPTR/SRV selection is not done.
/// </summary>
internal sealed class RegistrarDestination
{
    private const int DefaultPort = 5060;

    public RegistrarDestination(SipRegistrationAccount account)
    {
        var uri = SipUri.Parse(string.IsNullOrEmpty(account.OutboundProxy) ? account.Registrar : account.OutboundProxy);
        Host = uri.Host.StartsWith('[') ? uri.Host[1..^1] : uri.Host;
        Port = uri.Port ?? DefaultPort;
        Literal = IPAddress.TryParse(Host, out var address) ? new IPEndPoint(address, Port) : null;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The endpoint when the host is an IP address, so no lookup is needed.</summary>
    public IPEndPoint? Literal { get; }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Looks the host up, preferring addresses our socket can reach.</summary>
    /// <exception cref="SocketException">The name does not resolve.</exception>
    public async Task<IPEndPoint> ResolveAsync(AddressFamily family)
    {
        var addresses = await Dns.GetHostAddressesAsync(Host).ConfigureAwait(false);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == family) ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(address, Port);
    }
}
