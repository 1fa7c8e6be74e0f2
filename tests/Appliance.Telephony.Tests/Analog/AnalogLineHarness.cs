using Appliance.Drivers.Simulated;
using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Telephony.Tests.Analog;

/// <summary>One analog line state machine on port 1 of the simulated exchange, everything on one manual clock.</summary>
internal sealed class AnalogLineHarness : IDisposable
{
    public AnalogLineHarness(DisconnectSignal disconnect = DisconnectSignal.Both, AnalogLineOptions? options = null)
    {
        // The exchange is created first so that, on each 20 ms step, its frame is ready before the line reads.
        Exchange = new SimulatedExchange(
            new SimulatedBoardOptions { LineCount = 1, DisconnectSignal = disconnect }, Time, NullLogger<SimulatedExchange>.Instance);
        Clock = new MediaClock(Time, NullLogger<MediaClock>.Instance);
        Line = new AnalogLine(Exchange.Port(1), Clock, options ?? new AnalogLineOptions(), NullLogger<AnalogLine>.Instance);
        Line.IncomingCall += Offered.Add;
        Clock.Register(Line);
        Clock.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public SimulatedExchange Exchange { get; }

    public MediaClock Clock { get; }

    public AnalogLine Line { get; }

    public List<IChannel> Offered { get; } = [];

    public SimulatedCall Ring(string? number, string? name = null, bool corrupt = false, int maxRings = 10) =>
        Exchange.PlaceCall(1, new SimulatedCallRequest
        {
            CallerId = number is null ? null : new CallerIdInfo(number, name),
            CorruptCallerIdChecksum = corrupt,
            MaxRings = maxRings,
        });

    /// <summary>Rings, waits for the offer and answers it on the loop.</summary>
    public (SimulatedCall Call, IChannel Channel) RingAndAnswer(string? number = "13800138000")
    {
        var call = Ring(number);
        Assert.True(Time.AdvanceUntil(() => Offered.Count == 1, TimeSpan.FromSeconds(12)), "the line offered no call");
        var channel = Offered[0];
        Clock.Post(channel.Answer);
        Assert.True(Time.AdvanceUntil(() => call.State == SimulatedCallState.Connected, TimeSpan.FromSeconds(1)), "the exchange did not see the answer");
        return (call, channel);
    }

    public void Dispose()
    {
        Clock.Dispose();
        Exchange.Dispose();
    }
}
