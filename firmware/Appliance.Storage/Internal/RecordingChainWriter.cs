using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>Appends links to the recording hash chain inside the caller's transaction.</summary>
internal static class RecordingChainWriter
{
    /// <summary>Appends one link after the newest and returns its sequence number.</summary>
    public static long Append(
        SqliteConnection connection, SqliteTransaction transaction, string kind, string recordingId, string path, string? fileSha256, DateTimeOffset at)
    {
        var (sequence, previous) = Last(connection, transaction);
        AppendAt(connection, transaction, sequence + 1, previous, kind, recordingId, path, fileSha256, at);
        return sequence + 1;
    }

    /// <summary>The newest link's sequence and hash (0 and the genesis hash for an empty chain).</summary>
    public static (long Sequence, string Hash) Last(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.Command("SELECT seq, entry_sha256 FROM recording_chain ORDER BY seq DESC LIMIT 1;", transaction);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, RecordingChainEntry.Genesis);
    }

    /// <summary>
    /// Appends a link at a known position and returns its hash, so a batch chains its links without reading the newest
    /// link each time.
    /// </summary>
    public static string AppendAt(
        SqliteConnection connection, SqliteTransaction transaction, long sequence, string previous,
        string kind, string recordingId, string path, string? fileSha256, DateTimeOffset at)
    {
        var hash = RecordingChainEntry.Hash(sequence, kind, recordingId, path, fileSha256, previous, at);
        using var command = connection.Command(
            """
            INSERT INTO recording_chain (seq, kind, recording_id, path, file_sha256, previous_sha256, entry_sha256, at)
            VALUES ($seq, $kind, $id, $path, $file, $previous, $entry, $at);
            """,
            transaction);
        command.With("$seq", sequence).With("$kind", kind).With("$id", recordingId).With("$path", path).With("$file", fileSha256)
            .With("$previous", previous).With("$entry", hash).With("$at", UnixTime.ToMilliseconds(at));
        command.ExecuteNonQuery();
        return hash;
    }
}
