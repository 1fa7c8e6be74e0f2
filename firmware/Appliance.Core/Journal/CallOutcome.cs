namespace Appliance.Core.Journal;

/// <summary>How a call ended, as the call record and the simulator report it.</summary>
public static class CallOutcome
{
    /// <summary>An agent talked to the caller.</summary>
    public const string AnsweredByAgent = "answered-by-agent";

    /// <summary>The caller hung up in the queue (or the queue's maximum wait passed).</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The call ended in the menu: the caller hung up there, or ran out of attempts, or chose to leave.</summary>
    public const string EndedInMenu = "ended-in-menu";

    /// <summary>The caller waited the queue's maximum and was let go.</summary>
    public const string QueueTimeout = "queue-timeout";

    /// <summary>The caller asked to be called back and hung up; their place waits in the queue as a callback.</summary>
    public const string CallbackRequested = "callback-requested";

    /// <summary>A callback: the box dialled the caller back and bridged them to an agent.</summary>
    public const string CallbackConnected = "callback-connected";

    /// <summary>A callback: every attempt went unanswered, busy or failed.</summary>
    public const string CallbackFailed = "callback-failed";

    /// <summary>Something went wrong: no menu configured, the line died, an internal error.</summary>
    public const string Failed = "failed";

    /// <summary>A campaign call the customer answered and an agent talked on.</summary>
    public const string CampaignConnected = "campaign-connected";

    /// <summary>A campaign call that was busy, unanswered or failed.</summary>
    public const string CampaignUnanswered = "campaign-unanswered";
}
