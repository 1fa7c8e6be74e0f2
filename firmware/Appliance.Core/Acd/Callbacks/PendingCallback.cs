namespace Appliance.Core.Acd.Callbacks;

/// <summary>
/// A callback waiting for its turn: the number to dial, and the caller's place in the queue (their first entry and
/// priority give the same serving order they had on the line), with the attempts made so far.
/// </summary>
public sealed record PendingCallback(
    string Id,
    string OriginCallId,
    string Queue,
    string Number,
    string Language,
    int Priority,
    DateTimeOffset FirstEnteredAt,
    DateTimeOffset EnteredAt)
{
    /// <summary>Dial attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Not dialled before this instant (the interval after an unanswered attempt).</summary>
    public DateTimeOffset RetryAt { get; init; }

    /// <summary>Whether an attempt is under way; one under way when the box stopped has been counted.</summary>
    public bool Dialling { get; init; }
}
