using System.Text.Json;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Retention and integrity of recordings: legal holds, the recordings past their retention, their purge (rows deleted
/// and a purge link appended to the hash chain in one transaction), and the chain itself for verification.
/// </summary>
public sealed class RecordingComplianceRepository(ApplianceDatabase database)
{
    private const string ChainMigration = "0011_recording_compliance";

    /// <summary>Puts call <paramref name="callId"/>'s recordings under legal hold; false if it was held already.</summary>
    public bool Hold(string callId, DateTimeOffset at)
    {
        RecordRules.Text(callId, "legal hold", "call id", 128);
        return database.Write("Placing a legal hold", (connection, transaction) =>
        {
            using var command = connection.Command(
                "INSERT INTO recording_holds (call_id, held_at) VALUES ($call, $at) ON CONFLICT (call_id) DO NOTHING;", transaction);
            return command.With("$call", callId).With("$at", UnixTime.ToMilliseconds(at)).ExecuteNonQuery() > 0;
        });
    }

    /// <summary>Releases the legal hold on call <paramref name="callId"/>; false if there was none.</summary>
    public bool Release(string callId) =>
        database.Write("Releasing a legal hold", (connection, transaction) =>
        {
            using var command = connection.Command("DELETE FROM recording_holds WHERE call_id = $call;", transaction).With("$call", callId);
            return command.ExecuteNonQuery() > 0;
        });

    /// <summary>Whether call <paramref name="callId"/> is under legal hold.</summary>
    public bool IsHeld(string callId) =>
        database.Read("Reading a legal hold", connection =>
            connection.Exists(null, "SELECT 1 FROM recording_holds WHERE call_id = $call;", "$call", callId));

    /// <summary>
    /// Up to <paramref name="limit"/> recordings, oldest first, that started before their queue's cutoff
    /// (<paramref name="queueCutoffs"/>, by queue name) or, for calls of other queues or none, before
    /// <paramref name="defaultCutoff"/>. Recordings of held calls are never listed.
    /// </summary>
    public IReadOnlyList<ExpiredRecording> ListExpired(
        IReadOnlyDictionary<string, DateTimeOffset> queueCutoffs, DateTimeOffset defaultCutoff, int limit)
    {
        ArgumentNullException.ThrowIfNull(queueCutoffs);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var cutoffs = JsonSerializer.Serialize(queueCutoffs.ToDictionary(p => p.Key, p => UnixTime.ToMilliseconds(p.Value)));
        var latest = queueCutoffs.Values.Append(defaultCutoff).Max();
        return database.Read("Listing expired recordings", connection =>
        {
            // The started_at bound lets the index cut the scan before the per-queue cutoff is looked up.
            using var command = connection.Command(
                """
                SELECT r.id, r.call_id, r.path FROM recordings r LEFT JOIN calls c ON c.id = r.call_id
                WHERE r.started_at < $latest
                  AND r.started_at < COALESCE((SELECT value FROM json_each($cutoffs) WHERE key = c.queue), $default)
                  AND NOT EXISTS (SELECT 1 FROM recording_holds h WHERE h.call_id = r.call_id)
                ORDER BY r.started_at, r.id LIMIT $limit;
                """);
            command.With("$latest", UnixTime.ToMilliseconds(latest)).With("$cutoffs", cutoffs)
                .With("$default", UnixTime.ToMilliseconds(defaultCutoff)).With("$limit", limit);
            return command.ReadAll(r => new ExpiredRecording(r.GetString(0), r.GetNullableString(1), r.GetString(2)));
        });
    }

    /// <summary>
    /// Deletes the rows of <paramref name="recordings"/> and appends a purge link for each to the hash chain, in one
    /// transaction; a recording whose call was put on hold meanwhile, or that is gone already, is skipped. Returns the
    /// recordings actually purged, whose files the caller then deletes.
    /// </summary>
    public IReadOnlyList<ExpiredRecording> Purge(IReadOnlyList<ExpiredRecording> recordings, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return database.Write("Purging recordings", (connection, transaction) =>
        {
            var purged = new List<ExpiredRecording>(recordings.Count);
            var (sequence, previous) = RecordingChainWriter.Last(connection, transaction);
            using var delete = connection.Command(
                """
                DELETE FROM recordings WHERE id = $id
                  AND NOT EXISTS (SELECT 1 FROM recording_holds h WHERE h.call_id = recordings.call_id);
                """,
                transaction);
            var id = delete.Parameters.Add("$id", SqliteType.Text);
            foreach (var recording in recordings)
            {
                id.Value = recording.Id;
                if (delete.ExecuteNonQuery() == 0)
                {
                    continue;
                }

                sequence++;
                previous = RecordingChainWriter.AppendAt(connection, transaction, sequence, previous,
                    RecordingChainEntry.PurgeKind, recording.Id, recording.Path, null, at);
                purged.Add(recording);
            }

            return purged;
        });
    }

    /// <summary>The whole hash chain in order.</summary>
    public IReadOnlyList<RecordingChainEntry> ReadChain() =>
        database.Read("Reading the recording chain", connection =>
        {
            using var command = connection.Command(
                "SELECT seq, kind, recording_id, path, file_sha256, previous_sha256, entry_sha256, at FROM recording_chain ORDER BY seq;");
            return command.ReadAll(r => new RecordingChainEntry(
                r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetNullableString(4), r.GetString(5), r.GetString(6), r.GetInstant(7)));
        });

    /// <summary>
    /// When the hash chain began on this database: the time migration 0011 was applied. Recordings that started before it
    /// were stored without a file hash or a chain link ("unchained"), which is not tampering. Null if the chain's migration
    /// has no record (never the case for a database this firmware migrated).
    /// </summary>
    public DateTimeOffset? ChainStartedAt() =>
        database.Read("Reading when the recording chain began", connection =>
        {
            using var command = connection.Command("SELECT applied_at FROM schema_migrations WHERE name = $name;")
                .With("$name", ChainMigration);
            return command.ExecuteScalar() is long at ? UnixTime.FromMilliseconds(at) : (DateTimeOffset?)null;
        });

    /// <summary>
    /// Of <paramref name="callIds"/>, the calls that are in the event log but have no call record yet, each with the time
    /// of its newest event. The box writes a call's record (and its recording's row and chain link) only when the call has
    /// ended, while its events are logged as it runs: such a call is still running, or the box stopped during it.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> CallsWithoutRecord(IReadOnlyCollection<string> callIds)
    {
        ArgumentNullException.ThrowIfNull(callIds);
        return database.Read("Looking up calls without a call record", connection =>
        {
            var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            using var command = connection.Command(
                "SELECT max(at) FROM events WHERE call_id = $call AND NOT EXISTS (SELECT 1 FROM calls WHERE id = $call);");
            var call = command.Parameters.Add("$call", SqliteType.Text);
            foreach (var id in callIds.Distinct(StringComparer.Ordinal))
            {
                call.Value = id;
                if (command.ExecuteScalar() is long at)
                {
                    found[id] = UnixTime.FromMilliseconds(at);
                }
            }

            return found;
        });
    }

    /// <summary>Every stored recording's id, path and hash (for verification against the chain).</summary>
    public IReadOnlyList<RecordingRecord> ListAll() =>
        database.Read("Listing recordings", connection =>
        {
            using var command = connection.Command(
                "SELECT id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes, sha256 FROM recordings ORDER BY started_at, id;");
            return command.ReadAll(r => new RecordingRecord(
                r.GetString(0), r.GetNullableString(1), r.GetString(2), r.GetInstant(3), r.GetInt64(4), r.GetInt32(5), r.GetInt32(6), r.GetInt64(7))
            { Sha256 = r.GetNullableString(8) });
        });
}
