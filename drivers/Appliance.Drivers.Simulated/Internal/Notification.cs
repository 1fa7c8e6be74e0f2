using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Internal;

internal enum NotificationKind
{
    LineSignal,
    CallAnswered,
    CallEnded,
}

/// <summary>An event decided under the exchange lock and raised after it is released, so handlers may call back in.</summary>
internal readonly record struct Notification(
    NotificationKind Kind,
    DateTimeOffset At,
    SimulatedLinePort? Port = null,
    LineSignal Signal = default,
    SimulatedCall? Call = null,
    SimulatedCallEndReason Reason = default);
