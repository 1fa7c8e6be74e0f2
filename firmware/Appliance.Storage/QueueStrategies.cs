namespace Appliance.Storage;

/// <summary>The queue strategies this firmware knows, as stored in queues.strategy.</summary>
public static class QueueStrategies
{
    /// <summary>Ring every available member at once; the first to answer gets the call.</summary>
    public const string RingAll = "ring-all";

    /// <summary>Every known strategy.</summary>
    public static IReadOnlyList<string> All { get; } = [RingAll];
}
