namespace Appliance.Drivers.Simulated.Signals;

/// <summary>
/// What the exchange tells the box about a caller. A null <paramref name="Number"/> or <paramref name="Name"/> is sent as
/// "absent" with <paramref name="NumberAbsenceReason"/> ('O' out of area / unavailable, 'P' private; 'O' when not given).
/// </summary>
public sealed record CallerIdInfo(string? Number, string? Name, char? NumberAbsenceReason = null);
