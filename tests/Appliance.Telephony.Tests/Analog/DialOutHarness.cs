using Appliance.Drivers.Simulated;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Tests.Analog;

/// <summary>The analog lines of a simulated exchange with the "line" dialer behind <see cref="ChannelDialers"/>, all on one manual clock.</summary>
internal sealed class DialOutHarness : IDisposable
{
    public DialOutHarness(Action<SimulatedBoardOptions>? board = null, AnalogLineOptions? options = null)
    {
        var boardOptions = new SimulatedBoardOptions { LineCount = 2 };
        board?.Invoke(boardOptions);
        // The exchange is created first so that, on each 20 ms step, its frame is ready before the lines read.
        Exchange = new SimulatedExchange(boardOptions, Time, NullLogger<SimulatedExchange>.Instance);
        Clock = new MediaClock(Time, NullLogger<MediaClock>.Instance);
        Lines = new AnalogLines(Exchange.Ports, Clock, Options.Create(options ?? new AnalogLineOptions()), NullLoggerFactory.Instance);
        foreach (var line in Lines.Lines)
        {
            line.IncomingCall += Offered.Add;
        }

        Dialers = new ChannelDialers([new AnalogLineDialer(Lines, Clock, NullLogger<AnalogLineDialer>.Instance)]);
        Clock.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public SimulatedExchange Exchange { get; }

    public MediaClock Clock { get; }

    public AnalogLines Lines { get; }

    public ChannelDialers Dialers { get; }

    public List<IChannel> Offered { get; } = [];

    /// <summary>Dials on the media loop, as a call flow does; rethrows what Dial throws.</summary>
    public IChannel Dial(string dialString)
    {
        var dialled = Clock.InvokeAsync(() => Dialers.Dial(dialString));
        Assert.True(Time.AdvanceUntil(() => dialled.IsCompleted, TimeSpan.FromSeconds(1)), "the loop did not run the dial");
        return dialled.GetAwaiter().GetResult();
    }

    /// <summary>The exchange's side of the call the box made on <paramref name="port"/> (the callee).</summary>
    public SimulatedCall CalleeCall(int port = 1) => Assert.Single(Exchange.CallsOnPort(port), call => call.DialledNumber is not null);

    public void Register(string number, SimulatedCalleeBehavior behavior = SimulatedCalleeBehavior.Answers, int rings = 2, params CallerStep[] afterAnswer) =>
        Exchange.RegisterCallee(new SimulatedCallee { Number = number, Behavior = behavior, AnswerAfterRings = rings, AfterAnswer = afterAnswer });

    public void Dispose()
    {
        Clock.Dispose();
        Exchange.Dispose();
    }
}
