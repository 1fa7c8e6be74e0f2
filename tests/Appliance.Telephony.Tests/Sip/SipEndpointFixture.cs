using System.Net;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Sip;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>A SIP endpoint on 127.0.0.1 with free ports, on a manually driven media clock.</summary>
internal sealed class SipEndpointFixture : IAsyncDisposable
{
    private static int s_portBase = 20_000 + (Environment.ProcessId % 200 * 100);

    public SipEndpointFixture(string trunkAddress = "127.0.0.1", Action<SipTrunkOptions>? configureTrunks = null, int rtpPortSpan = 38)
    {
        Clock = new MediaClock(Time, NullLogger<MediaClock>.Instance);
        var trunks = new SipTrunkOptions();
        trunks.Sources["test"] = trunkAddress;
        configureTrunks?.Invoke(trunks);
        var portMin = Interlocked.Add(ref s_portBase, 40) - 40;
        Endpoint = new SipEndpoint(
            Options.Create(new SipTransportOptions { ListenAddress = "127.0.0.1", Port = 0 }),
            Options.Create(new SipMediaOptions { BindAddress = "127.0.0.1", RtpPortMin = portMin, RtpPortMax = portMin + rtpPortSpan }),
            Options.Create(trunks),
            Options.Create(new SipTimerOptions()),
            Clock,
            NullLoggerFactory.Instance);
        Endpoint.CallArrived += (channel, _) => Arrived.Add(channel);
        Endpoint.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public MediaClock Clock { get; }

    public SipEndpoint Endpoint { get; }

    public List<IChannel> Arrived { get; } = [];

    public IPEndPoint Box => Endpoint.UdpEndPoint;

    /// <summary>One media tick (posted SIP work, receive, transmit), with the manual clock moved along.</summary>
    public void Tick()
    {
        Time.Advance(MediaClock.TickInterval);
        Clock.RunTick();
    }

    public async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Condition not reached.");
            }

            Tick();
            await Task.Delay(2); // lets the transport threads deliver datagrams; no timer is waited on
        }
    }

    public async ValueTask DisposeAsync() => await Endpoint.DisposeAsync();
}
