using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>The rows of recording_pci_pauses: written with their recording, read by recording id.</summary>
internal static class RecordingPauseRows
{
    /// <summary>Refuses pauses that are out of order, overlap, or lie outside the recording.</summary>
    public static void Validate(RecordingRecord recording, string subject)
    {
        var previousEnd = 0L;
        foreach (var pause in recording.PciPauses)
        {
            if (pause.StartMilliseconds < previousEnd || pause.EndMilliseconds < pause.StartMilliseconds
                || pause.EndMilliseconds > recording.DurationMilliseconds)
            {
                throw RecordRules.Invalid(subject, string.Create(CultureInfo.InvariantCulture,
                    $"the PCI pause {pause.StartMilliseconds}-{pause.EndMilliseconds} ms must lie within the recording's {recording.DurationMilliseconds} ms, in order and without overlap"));
            }

            previousEnd = pause.EndMilliseconds;
        }
    }

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, RecordingRecord recording)
    {
        foreach (var pause in recording.PciPauses)
        {
            using var command = connection.Command(
                "INSERT INTO recording_pci_pauses (recording_id, start_ms, end_ms) VALUES ($id, $start, $end);", transaction);
            command.With("$id", recording.Id).With("$start", pause.StartMilliseconds).With("$end", pause.EndMilliseconds);
            command.ExecuteNonQuery();
        }
    }

    public static List<RecordingPciPause> Read(SqliteConnection connection, string recordingId)
    {
        using var command = connection.Command(
            "SELECT start_ms, end_ms FROM recording_pci_pauses WHERE recording_id = $id ORDER BY start_ms;").With("$id", recordingId);
        return command.ReadAll(r => new RecordingPciPause(r.GetInt64(0), r.GetInt64(1)));
    }
}
