using System.Text.Json;
using Appliance.Core.Recording.Internal;
using Appliance.Storage;

namespace Appliance.Core.Recording;

/// <summary>
/// Copies a call's recordings to a folder with a metadata JSON (call, agent, queue, times, hashes, legal hold, and the
/// PCI pause markers: each file's pause windows in ms from its start, and the call's PCI events). Never overwrites: if any target file exists,
/// nothing is written.
/// </summary>
public sealed class RecordingExporter(ApplianceDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Exports call <paramref name="callId"/>'s recordings into <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="RecordingExportException">The call has no recordings, a file is missing, or a target exists.</exception>
    public RecordingExportResult Export(string callId, string directory)
    {
        var repository = new RecordingRepository(database);
        var recordings = repository.ListByCall(callId);
        if (recordings.Count == 0)
        {
            throw new RecordingExportException($"call '{callId}' has no stored recordings");
        }

        var targets = recordings.Select(r => Path.Combine(directory, Path.GetFileName(r.Path))).Append(Path.Combine(directory, callId + ".json")).ToList();
        if (targets.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new RecordingExportException($"{existing} exists already; nothing was exported");
        }

        if (recordings.FirstOrDefault(r => !File.Exists(r.Path)) is { } missing)
        {
            throw new RecordingExportException($"the file of recording {missing.Id} is missing: {missing.Path}");
        }

        System.IO.Directory.CreateDirectory(directory);
        var exported = new List<ExportedRecording>();
        for (var i = 0; i < recordings.Count; i++)
        {
            var recording = recordings[i];
            File.Copy(recording.Path, targets[i]);
            var now = RecordingHash.OfFile(targets[i]);
            exported.Add(new(Path.GetFileName(targets[i]), recording.Id, recording.StartedAt, recording.DurationMilliseconds,
                recording.Channels, recording.SampleRate, recording.Bytes, recording.Sha256, now, now == recording.Sha256,
                [.. repository.PciPauses(recording.Id).Select(p => new ExportedPciPause(p.StartMilliseconds, p.EndMilliseconds))]));
        }

        var call = new CallRecordRepository(database).Get(callId);
        var markers = new EventLogRepository(database).ReadByCall(callId)
            .Where(e => e.Kind.StartsWith("PCI", StringComparison.Ordinal))
            .Select(e => new PciMarker(e.At, e.Kind)).ToList();
        var metadata = new RecordingExportMetadata(callId, call?.Queue, call?.Agent, call?.CallerNumber, call?.Line, call?.StartedAt,
            call?.AnsweredAt, call?.EndedAt, call?.Outcome, new RecordingComplianceRepository(database).IsHeld(callId), exported, markers);
        File.WriteAllText(targets[^1], JsonSerializer.Serialize(metadata, Json));
        return new RecordingExportResult(targets, [.. exported.Where(e => !e.Intact).Select(e => e.File)]);
    }
}
