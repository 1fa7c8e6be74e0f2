namespace Appliance.Core.Ivr;

/// <summary>How a caller left a menu: to a queue, or not.</summary>
/// <param name="Queue">The chosen queue, or null when the caller is to be let go.</param>
/// <param name="Reason">Why the menu ended without a queue: "hangup", "no-queue", "no-menu", "steps".</param>
/// <param name="Priority">The caller's priority in the queue (0 ordinary … 10 first).</param>
public sealed record MenuExit(string? Queue, string? Reason, int Priority = 0)
{
    /// <summary>The caller chose a queue.</summary>
    public static MenuExit ToQueue(string queue, int priority) => new(queue, null, priority);

    /// <summary>The caller leaves the menu without an agent.</summary>
    public static MenuExit Leave(string reason) => new(null, reason);
}
