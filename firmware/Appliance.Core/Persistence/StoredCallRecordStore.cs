using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Recording.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Persistence;

/// <summary>
/// Writes the journal into SQLite: events to the append-only log, finished calls to the call records (and, when head
/// office sync is configured, to the outbox in the same transaction). A recording is hashed here, on the journal's
/// background writer, and enters the recording hash chain with its row.
/// </summary>
public sealed class StoredCallRecordStore(
    ApplianceDatabase database, ICallSummaryEncoder? summaries = null, ILogger<StoredCallRecordStore>? logger = null) : ICallRecordStore
{
    private readonly ILogger _logger = logger ?? NullLogger<StoredCallRecordStore>.Instance;
    private readonly EventLogRepository _events = new(database);
    private readonly CallRecordRepository _calls = new(database, summaries);
    private readonly RecordingRepository _recordings = new(database);

    /// <inheritdoc />
    public void AppendEvents(IReadOnlyList<CallEvent> events) =>
        _events.Append(events.Select(e => new CallEventRecord(e.At, e.CallId, e.Kind, e.Queue, e.Agent, e.Data)).ToList());

    /// <inheritdoc />
    public void SaveCall(CallDetail detail)
    {
        if (detail.Recording is { } recording)
        {
            Store(recording);
        }

        // What each party heard while supervised: listed with the call's own recording (same call id).
        foreach (var heard in detail.SupervisionRecordings ?? [])
        {
            Store(heard);
        }

        _calls.Insert(new CallRecord(
            detail.CallId,
            detail.Line,
            detail.ChannelKind,
            detail.CallerNumber,
            detail.CallerName,
            detail.StartedAt,
            detail.AnsweredAt,
            detail.EndedAt,
            detail.EntryMenu,
            detail.Queue,
            detail.Agent,
            detail.Outcome,
            (long)detail.Wait.TotalMilliseconds,
            (long)detail.Talk.TotalMilliseconds,
            detail.HangupCause,
            detail.Recording?.Id) { CallbackAttempts = detail.CallbackAttempts, SurveyScore = detail.SurveyScore });
    }

    private void Store(RecordingInfo recording) =>
        _recordings.Insert(new RecordingRecord(
            recording.Id, recording.CallId, recording.Path, recording.StartedAt,
            (long)recording.Duration.TotalMilliseconds, recording.Channels, recording.SampleRate, recording.Bytes)
        { Sha256 = Hash(recording.Path), PciPauses = recording.PciPauses });

    // A file that cannot be read is stored without a hash (verify then reports it) rather than losing the call record.
    private string? Hash(string path)
    {
        try
        {
            return RecordingHash.OfFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingComplianceLog.NotHashed(_logger, path, ex.Message);
            return null;
        }
    }
}
