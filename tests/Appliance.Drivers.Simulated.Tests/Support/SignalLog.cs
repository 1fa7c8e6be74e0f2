using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>The signals one port raised, in order, with their times.</summary>
internal sealed class SignalLog
{
    private readonly List<LineSignalEventArgs> _events = [];

    public SignalLog(IAnalogLinePort port)
    {
        port.SignalChanged += (_, args) =>
        {
            lock (_events)
            {
                _events.Add(args);
            }
        };
    }

    public IReadOnlyList<LineSignalEventArgs> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<LineSignal> Signals => [.. Events.Select(e => e.Signal)];

    public IReadOnlyList<DateTimeOffset> TimesOf(LineSignal signal) => [.. Events.Where(e => e.Signal == signal).Select(e => e.At)];

    public int Count(LineSignal signal) => Events.Count(e => e.Signal == signal);
}
