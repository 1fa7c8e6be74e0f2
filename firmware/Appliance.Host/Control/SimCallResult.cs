namespace Appliance.Host.Control;

/// <summary>How a simulated call ended: the one JSON object <c>POST /v1/sim/calls</c> answers.</summary>
/// <param name="Outcome">One of <see cref="SimCallOutcomes"/>.</param>
/// <param name="Error">Why the call failed when <paramref name="Outcome"/> is "failed"; otherwise null.</param>
/// <param name="HeardPath">The WAV of what the caller heard, when the request asked for one.</param>
/// <param name="HeardSeconds">How long that audio lasts (the exchange keeps at most its received-audio limit).</param>
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
    string? Error,
    string? HeardPath = null,
    double? HeardSeconds = null);
