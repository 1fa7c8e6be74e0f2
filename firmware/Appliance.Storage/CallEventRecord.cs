namespace Appliance.Storage;

/// <summary>One entry of the append-only event log (like Asterisk's queue_log). Instants are stored to the millisecond.</summary>
/// <param name="At">When it happened.</param>
/// <param name="CallId">The call, or null for events about no call (e.g. an agent's state).</param>
/// <param name="Kind">What happened, e.g. "ENTERQUEUE" (1-64 characters).</param>
/// <param name="Queue">The queue involved, if any.</param>
/// <param name="Agent">The agent involved, if any.</param>
/// <param name="Data">Details as JSON text, or null.</param>
/// <param name="Seq">The log position, assigned on append (ignored when appending); increases with every event, never reused.</param>
public sealed record CallEventRecord(
    DateTimeOffset At,
    string? CallId,
    string Kind,
    string? Queue = null,
    string? Agent = null,
    string? Data = null,
    long Seq = 0);
