namespace Appliance.Sync.Reporting.Internal;

/// <summary>What the event log says about one queued call, gathered from its ENTERQUEUE/CONNECT/COMPLETE*/ABANDON events.</summary>
internal sealed class CallFacts
{
    public DateTimeOffset? EnteredAt { get; set; }

    public string Queue { get; set; } = string.Empty;

    public string Agent { get; set; } = string.Empty;

    public bool Answered { get; set; }

    public double HoldSeconds { get; set; }

    public bool Abandoned { get; set; }

    public double AbandonWaitSeconds { get; set; }

    public bool Handled { get; set; }

    public double TalkSeconds { get; set; }

    public double WrapUpSeconds { get; set; }
}
