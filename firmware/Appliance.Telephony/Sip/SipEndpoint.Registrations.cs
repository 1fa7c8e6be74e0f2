using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Sip;

/// <summary>
/// Trunks known by registration: for each configured account the box keeps a registration alive at the provider, and
/// calls arriving from the provider's registrar or outbound proxy enter the entry menu like calls from a trunk known by
/// address. Nothing else about the provider is trusted.
/// </summary>
public sealed partial class SipEndpoint
{
    private readonly List<SipRegistrationClient> _registrations = [];
    private readonly Dictionary<IPAddress, string> _registrationSources = [];

    /// <summary>The registrations to providers, one per configured account (empty when none is configured).</summary>
    public IReadOnlyList<SipRegistrationClient> Registrations => _registrations;

    /// <summary>Learns the providers' addresses; called before the transports start, so the media loop only reads them.</summary>
    private void PrepareRegistrationSources()
    {
        foreach (var account in _trunks.Registrations)
        {
            foreach (var uri in new[] { account.Registrar, account.OutboundProxy }.OfType<string>().Where(u => u.Length > 0))
            {
                foreach (var address in AddressesOf(SipUri.Parse(uri).Host))
                {
                    _registrationSources.TryAdd(address, account.Name);
                }
            }
        }
    }

    private void StartRegistrations()
    {
        var udp = _signalling.First(s => !s.Transport.IsReliable);
        foreach (var account in _trunks.Registrations)
        {
            var client = new SipRegistrationClient(
                account, udp.Transactions, udp.Transport, udp.Advertised, _clock.Time, _loggers.CreateLogger<SipRegistrationClient>());
            _registrations.Add(client);
            client.Start();
        }
    }

    /// <summary>Un-registers (bounded: a provider that does not answer must not hold up the shutdown).</summary>
    private async Task StopRegistrationsAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        foreach (var client in _registrations)
        {
            try
            {
                await client.StopAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
            }

            client.Dispose();
        }
    }

    private string? RegistrationTrunkFor(IPAddress source) =>
        _registrationSources.GetValueOrDefault(source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source);

    private static IEnumerable<IPAddress> AddressesOf(string host)
    {
        var bare = host.StartsWith('[') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out var literal))
        {
            return [literal];
        }

        try
        {
            return Dns.GetHostAddresses(bare);
        }
        catch (SocketException)
        {
            // Unknown now: the registration client logs the lookup failure and retries; calls from it wait for a restart.
            return [];
        }
    }
}
