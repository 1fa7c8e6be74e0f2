namespace Appliance.Core.Journal;

/// <summary>One line of the event log, in the spirit of Asterisk's queue_log: what happened to which call, queue or agent.</summary>
/// <param name="At">When it happened.</param>
/// <param name="CallId">The call, or "NONE" for agent-only events.</param>
/// <param name="Kind">One of <see cref="CallEventKinds"/>.</param>
/// <param name="Queue">The queue involved, if any.</param>
/// <param name="Agent">The agent involved, if any.</param>
/// <param name="Data">Details as a small JSON object, or null.</param>
public sealed record CallEvent(DateTimeOffset At, string CallId, string Kind, string? Queue, string? Agent, string? Data);
