using Appliance.Hal.Lines;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>A simulated board on a manual clock, with helpers to step time and listen as the box would.</summary>
internal sealed class SimRig : IDisposable
{
    public static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<int, List<short>> _heard = [];
    private readonly short[] _frame = new short[LineAudio.FrameSamples];

    public SimRig(Action<SimulatedBoardOptions>? configure = null)
    {
        var options = new SimulatedBoardOptions();
        configure?.Invoke(options);
        Options = options;
        Board = new SimulatedBoard(Microsoft.Extensions.Options.Options.Create(options), Time, NullLoggerFactory.Instance);
    }

    public ManualTimeProvider Time { get; } = new();

    public SimulatedBoardOptions Options { get; }

    public SimulatedBoard Board { get; }

    public SimulatedExchange Exchange => Board.Exchange;

    public SimulatedLinePort Port(int number) => Exchange.Port(number);

    /// <summary>Records the port's signals with their times.</summary>
    public SignalLog Record(int port) => new(Port(port));

    /// <summary>Starts keeping what the box reads from <paramref name="port"/> on every step.</summary>
    public List<short> Listen(int port)
    {
        var samples = new List<short>();
        _heard[port] = samples;
        return samples;
    }

    /// <summary>Advances <paramref name="frames"/> ticks one at a time, reading every listened port after each, as the box's media loop does.</summary>
    public void Frames(int frames)
    {
        for (var i = 0; i < frames; i++)
        {
            Time.Advance(Frame);
            Drain();
        }
    }

    public void Run(TimeSpan duration) => Frames((int)Math.Round(duration / Frame));

    public void RunSeconds(double seconds) => Run(TimeSpan.FromSeconds(seconds));

    /// <summary>Steps frame by frame until <paramref name="condition"/> holds; fails the test after <paramref name="limit"/>.</summary>
    public void RunUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= limit; elapsed += Frame)
        {
            if (condition())
            {
                return;
            }

            Frames(1);
        }

        Assert.Fail($"Timed out after {limit} waiting for {what}.");
    }

    public void Drain()
    {
        foreach (var (port, samples) in _heard)
        {
            while (Port(port).TryReadFrame(_frame))
            {
                samples.AddRange(_frame);
            }
        }
    }

    /// <summary>Places a call, ticks until it rings and takes the line off hook; returns the connected call.</summary>
    public SimulatedCall Answered(int port = 1, SimulatedCallRequest? request = null)
    {
        var call = Exchange.PlaceCall(port, request ?? new SimulatedCallRequest());
        RunUntil(() => Port(port).IsRinging, TimeSpan.FromSeconds(1), "the first ring");
        Port(port).SetHook(LineHookState.OffHook);
        Frames(1);
        Assert.Equal(SimulatedCallState.Connected, call.State);
        return call;
    }

    public void Dispose() => Board.Dispose();
}
