using System.Globalization;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The recordings of calls (metadata; the audio lives in the WAV files they point at).</summary>
public sealed class RecordingRepository(ApplianceDatabase database)
{
    private const string Select =
        "SELECT id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes, sha256 FROM recordings";

    /// <summary>Stores a finished recording and appends it to the recording hash chain in the same transaction.</summary>
    /// <exception cref="StorageException">
    /// <see cref="StorageFailure.InvalidRecord"/> for a bad value; <see cref="StorageFailure.Conflict"/> if the id or path is stored already.
    /// </exception>
    public void Insert(RecordingRecord recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var subject = $"recording '{recording.Id}'";
        Validate(recording, subject);
        RecordingPauseRows.Validate(recording, subject);
        database.Write($"Storing {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM recordings WHERE id = $id;", "$id", recording.Id))
            {
                throw RecordRules.Conflict(subject, "a recording with this id is already stored");
            }

            if (connection.Exists(transaction, "SELECT 1 FROM recordings WHERE path = $path;", "$path", recording.Path))
            {
                throw RecordRules.Conflict(subject, $"another recording already uses the file {recording.Path}");
            }

            using var command = connection.Command(
                """
                INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes, sha256)
                VALUES ($id, $call, $path, $started, $duration, $channels, $rate, $bytes, $sha);
                """,
                transaction);
            command.With("$id", recording.Id).With("$call", recording.CallId).With("$path", recording.Path)
                .With("$started", UnixTime.ToMilliseconds(recording.StartedAt)).With("$duration", recording.DurationMilliseconds)
                .With("$channels", recording.Channels).With("$rate", recording.SampleRate).With("$bytes", recording.Bytes)
                .With("$sha", recording.Sha256);
            command.ExecuteNonQuery();
            RecordingPauseRows.Insert(connection, transaction, recording);
            return RecordingChainWriter.Append(connection, transaction,
                RecordingChainEntry.RecordingKind, recording.Id, recording.Path, recording.Sha256, database.TimeProvider.GetUtcNow());
        });
    }

    /// <summary>The recording <paramref name="id"/>, or null.</summary>
    public RecordingRecord? Get(string id) =>
        database.Read("Reading a recording", connection =>
        {
            using var command = connection.Command(Select + " WHERE id = $id;").With("$id", id);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>The PCI pauses of recording <paramref name="id"/>, in order; empty for none or an unknown id.</summary>
    public IReadOnlyList<RecordingPciPause> PciPauses(string id) =>
        database.Read("Reading a recording's PCI pauses", connection => RecordingPauseRows.Read(connection, id));

    /// <summary>The recordings of call <paramref name="callId"/>, oldest first.</summary>
    public IReadOnlyList<RecordingRecord> ListByCall(string callId) =>
        database.Read("Listing a call's recordings", connection =>
        {
            using var command = connection.Command(Select + " WHERE call_id = $call ORDER BY started_at, id;").With("$call", callId);
            return command.ReadAll(Map);
        });

    /// <summary>Recordings that started in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IReadOnlyList<RecordingRecord> List(DateTimeOffset from, DateTimeOffset to) =>
        database.Read("Listing recordings", connection =>
        {
            using var command = connection.Command(Select + " WHERE started_at >= $from AND started_at < $to ORDER BY started_at, id;");
            command.With("$from", UnixTime.ToMilliseconds(from)).With("$to", UnixTime.ToMilliseconds(to));
            return command.ReadAll(Map);
        });

    /// <summary>
    /// Forgets the recording without a chain entry; returns whether there was one. Deleting the file is the caller's
    /// job. Retention uses <see cref="RecordingComplianceRepository.Purge"/>, which keeps the hash chain verifiable.
    /// </summary>
    public bool Delete(string id) =>
        database.Write("Deleting a recording", (connection, transaction) =>
        {
            using var command = connection.Command("DELETE FROM recordings WHERE id = $id;", transaction).With("$id", id);
            return command.ExecuteNonQuery() > 0;
        });

    private static void Validate(RecordingRecord recording, string subject)
    {
        RecordRules.Text(recording.Id, subject, "id", 128);
        RecordRules.Text(recording.CallId, subject, "call id", 128, required: false);
        RecordRules.Text(recording.Path, subject, "path", 1024);
        RecordRules.Range(recording.DurationMilliseconds, 0, long.MaxValue, subject, "duration (ms)");
        RecordRules.Range(recording.Bytes, 0, long.MaxValue, subject, "size (bytes)");
        RecordRules.Range(recording.SampleRate, 8_000, 192_000, subject, "sample rate");
        if (recording.Sha256 is { } sha && !RecordingChainEntry.IsHash(sha))
        {
            throw RecordRules.Invalid(subject, "the file hash must be 64 lower-case hexadecimal digits (SHA-256)");
        }

        if (recording.Channels is not (1 or 2 or 3))
        {
            throw RecordRules.Invalid(subject, string.Create(CultureInfo.InvariantCulture,
                $"channels is {recording.Channels}; it must be 1 (mono), 2 (stereo) or 3 (what each party of a supervised call heard)"));
        }
    }

    private static RecordingRecord Map(SqliteDataReader reader) =>
        new(reader.GetString(0),
            reader.GetNullableString(1),
            reader.GetString(2),
            reader.GetInstant(3),
            reader.GetInt64(4),
            reader.GetInt32(5),
            reader.GetInt32(6),
            reader.GetInt64(7)) { Sha256 = reader.GetNullableString(8) };
}
