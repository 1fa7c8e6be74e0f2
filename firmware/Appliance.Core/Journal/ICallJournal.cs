namespace Appliance.Core.Journal;

/// <summary>
/// Where the call flows write what happened. Appends must not block the media loop; completing a call returns
/// once its record is durably stored.
/// </summary>
public interface ICallJournal
{
    /// <summary>Queues an event for the log; returns at once.</summary>
    void Append(CallEvent callEvent);

    /// <summary>Stores the finished call's record (and its recording) after every event appended before it.</summary>
    Task CompleteCallAsync(CallDetail detail);
}
