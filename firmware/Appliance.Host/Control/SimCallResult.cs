namespace Appliance.Host.Control;

/// <summary>How a simulated call ended: the one JSON object <c>POST /v1/sim/calls</c> answers.</summary>
/// <param name="Outcome">One of <see cref="SimCallOutcomes"/>.</param>
/// <param name="Error">Why the call failed when <paramref name="Outcome"/> is "failed"; otherwise null.</param>
public sealed record SimCallResult(
    string CallId,
    int Line,
    string CallerNumber,
    string Outcome,
    string? Queue,
    string? Agent,
    double WaitSeconds,
    double TalkSeconds,
    string? RecordingPath,
    string? Error);
