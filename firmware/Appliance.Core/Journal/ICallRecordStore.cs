namespace Appliance.Core.Journal;

/// <summary>The durable store behind the journal. Called from the journal's own writer thread, never from the media loop.</summary>
public interface ICallRecordStore
{
    /// <summary>Appends events in one transaction.</summary>
    void AppendEvents(IReadOnlyList<CallEvent> events);

    /// <summary>Stores a finished call's record and its recording durably.</summary>
    void SaveCall(CallDetail detail);
}
