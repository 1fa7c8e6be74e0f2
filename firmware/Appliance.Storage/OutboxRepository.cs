using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// The outbox as the delivery pump sees it: read the oldest entries, delete only what head office acknowledged, set
/// aside what it refused for good, and keep the delivery state (last success, last error) in the database.
/// Entries are added by <see cref="TicketRepository"/> and <see cref="TransactionRepository"/>, never here.
/// </summary>
public sealed class OutboxRepository(ApplianceDatabase database)
{
    /// <summary>The longest stored error text; longer ones are cut (they come from the network and may be anything).</summary>
    public const int MaxErrorLength = 1000;

    /// <summary>Up to <paramref name="max"/> pending entries, oldest (lowest seq) first.</summary>
    public IReadOnlyList<OutboxEntry> ReadOldest(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return database.Read("Reading the outbox", connection =>
        {
            using var command = connection.Command(
                "SELECT seq, idempotency_key, kind, payload, payload_version, created_at, attempts FROM outbox ORDER BY seq LIMIT $max;");
            command.With("$max", max);
            return command.ReadAll(reader => new OutboxEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetInt32(4),
                reader.GetInstant(5), reader.GetInt32(6)));
        });
    }

    /// <summary>
    /// Records head office's answer to a push of the entries with seq in [<paramref name="firstSeq"/>, <paramref name="lastSeq"/>],
    /// in one transaction: acknowledged keys are deleted, rejected ones moved aside, the rest stay (attempts + 1), and
    /// the push counts as a success. Keys that are not (or no longer) pending are ignored: acknowledgements are idempotent.
    /// </summary>
    /// <returns>How many entries were deleted and how many were set aside.</returns>
    public (int Removed, int Rejected) CompleteDelivery(
        long firstSeq, long lastSeq, IReadOnlyCollection<string> acknowledgedKeys,
        IReadOnlyCollection<KeyValuePair<string, string>> rejected, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(acknowledgedKeys);
        ArgumentNullException.ThrowIfNull(rejected);
        return database.Write("Recording an outbox delivery", (connection, transaction) =>
        {
            var removed = 0;
            using (var delete = connection.Command("DELETE FROM outbox WHERE idempotency_key = $key;", transaction))
            {
                var key = delete.Parameters.Add("$key", SqliteType.Text);
                foreach (var acknowledged in acknowledgedKeys)
                {
                    key.Value = acknowledged;
                    removed += delete.ExecuteNonQuery();
                }
            }

            var setAside = 0;
            foreach (var (key, reason) in rejected)
            {
                setAside += MoveToRejected(connection, transaction, key, Truncate(reason), at);
            }

            CountAttempt(connection, transaction, firstSeq, lastSeq);
            using var state = connection.Command(
                "UPDATE outbox_delivery SET last_success_at = $at, last_error = NULL, last_error_at = NULL, consecutive_failures = 0;",
                transaction);
            state.With("$at", UnixTime.ToMilliseconds(at)).ExecuteNonQuery();
            return (removed, setAside);
        });
    }

    /// <summary>Records a failed push of the entries with seq in [<paramref name="firstSeq"/>, <paramref name="lastSeq"/>]: nothing is deleted.</summary>
    public void RecordFailure(long firstSeq, long lastSeq, string error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        database.Write("Recording an outbox delivery failure", (connection, transaction) =>
        {
            CountAttempt(connection, transaction, firstSeq, lastSeq);
            using var state = connection.Command(
                "UPDATE outbox_delivery SET last_error = $error, last_error_at = $at, consecutive_failures = consecutive_failures + 1;",
                transaction);
            return state.With("$error", Truncate(error)).With("$at", UnixTime.ToMilliseconds(at)).ExecuteNonQuery();
        });
    }

    /// <summary>The backlog and the delivery state.</summary>
    public OutboxBacklog GetBacklog() =>
        database.Read("Reading the outbox backlog", connection =>
        {
            using var command = connection.Command(
                """
                SELECT (SELECT count(*) FROM outbox), (SELECT min(created_at) FROM outbox), (SELECT count(*) FROM outbox_rejected),
                    last_success_at, last_error, last_error_at, consecutive_failures
                FROM outbox_delivery WHERE id = 1;
                """);
            return command.ReadAll(reader => new OutboxBacklog(
                reader.GetInt32(0), reader.GetNullableInstant(1), reader.GetInt32(2), reader.GetNullableInstant(3),
                reader.GetNullableString(4), reader.GetNullableInstant(5), reader.GetInt32(6))).Single();
        });

    /// <summary>The keys head office refused for good, with its reasons, oldest first.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ReadRejected() =>
        database.Read("Reading rejected outbox entries", connection =>
        {
            using var command = connection.Command("SELECT idempotency_key, reason FROM outbox_rejected ORDER BY seq;");
            return command.ReadAll(reader => new KeyValuePair<string, string>(reader.GetString(0), reader.GetString(1)));
        });

    private static int MoveToRejected(SqliteConnection connection, SqliteTransaction transaction, string key, string reason, DateTimeOffset at)
    {
        using var move = connection.Command(
            """
            INSERT INTO outbox_rejected (seq, idempotency_key, kind, payload, payload_version, created_at, rejected_at, reason)
            SELECT seq, idempotency_key, kind, payload, payload_version, created_at, $at, $reason FROM outbox WHERE idempotency_key = $key;
            """,
            transaction);
        var moved = move.With("$key", key).With("$reason", reason).With("$at", UnixTime.ToMilliseconds(at)).ExecuteNonQuery();
        using var delete = connection.Command("DELETE FROM outbox WHERE idempotency_key = $key;", transaction).With("$key", key);
        delete.ExecuteNonQuery();
        return moved;
    }

    private static void CountAttempt(SqliteConnection connection, SqliteTransaction transaction, long firstSeq, long lastSeq)
    {
        using var command = connection.Command("UPDATE outbox SET attempts = attempts + 1 WHERE seq BETWEEN $first AND $last;", transaction);
        command.With("$first", firstSeq).With("$last", lastSeq).ExecuteNonQuery();
    }

    private static string Truncate(string text) =>
        text.Length <= MaxErrorLength ? text : string.Concat(text.AsSpan(0, MaxErrorLength - 1), "…");
}
