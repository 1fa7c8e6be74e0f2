namespace Appliance.Storage;

/// <summary>A callback that keeps a caller's place, as stored until it is connected or fails.</summary>
/// <param name="Id">The callback's id (also the call id of the call back).</param>
/// <param name="OriginCallId">The call in which the caller asked for it.</param>
/// <param name="Queue">The queue it waits in.</param>
/// <param name="Number">The number to dial.</param>
/// <param name="Language">The prompts' language.</param>
/// <param name="Priority">The caller's priority (0–10).</param>
/// <param name="FirstEnteredAt">When the caller first joined a queue: with the priority, their place.</param>
/// <param name="EnteredAt">When the caller joined this queue.</param>
/// <param name="Attempts">Dial attempts made so far.</param>
/// <param name="RetryAt">Not dialled before this instant.</param>
/// <param name="Dialling">Whether an attempt is under way (it counts if the box stops meanwhile).</param>
public sealed record CallbackRecord(
    string Id,
    string OriginCallId,
    string Queue,
    string Number,
    string Language,
    int Priority,
    DateTimeOffset FirstEnteredAt,
    DateTimeOffset EnteredAt,
    int Attempts,
    DateTimeOffset RetryAt,
    bool Dialling);
