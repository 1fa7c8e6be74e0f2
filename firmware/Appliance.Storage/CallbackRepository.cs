using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>Pending callbacks: saved as they change, closed with their outcome, and read back at start.</summary>
public sealed class CallbackRepository(ApplianceDatabase database)
{
    /// <summary>Inserts or replaces the callback's pending state.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/> for a bad value.</exception>
    public void Save(CallbackRecord callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var subject = $"callback '{callback.Id}'";
        RecordRules.Text(callback.Id, subject, "id", 128);
        RecordRules.Text(callback.OriginCallId, subject, "origin call id", 128);
        RecordRules.Text(callback.Queue, subject, "queue", 64);
        RecordRules.Text(callback.Number, subject, "number", 32);
        RecordRules.Text(callback.Language, subject, "language", 16);
        RecordRules.Range(callback.Priority, 0, 10, subject, "priority");
        RecordRules.Range(callback.Attempts, 0, 100, subject, "attempts");
        database.Write($"Storing {subject}", (connection, transaction) =>
        {
            using var command = connection.Command(
                """
                INSERT INTO callbacks (id, origin_call_id, queue, number, language, priority, first_entered_at, entered_at, attempts,
                    retry_at, dialling)
                VALUES ($id, $origin, $queue, $number, $language, $priority, $first, $entered, $attempts, $retry, $dialling)
                ON CONFLICT (id) DO UPDATE SET attempts = excluded.attempts, retry_at = excluded.retry_at, dialling = excluded.dialling
                WHERE closed_at IS NULL;
                """,
                transaction);
            command.With("$id", callback.Id).With("$origin", callback.OriginCallId).With("$queue", callback.Queue)
                .With("$number", callback.Number).With("$language", callback.Language).With("$priority", callback.Priority)
                .With("$first", UnixTime.ToMilliseconds(callback.FirstEnteredAt)).With("$entered", UnixTime.ToMilliseconds(callback.EnteredAt))
                .With("$attempts", callback.Attempts).With("$retry", UnixTime.ToMilliseconds(callback.RetryAt))
                .With("$dialling", callback.Dialling ? 1 : 0);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Closes the callback with its outcome ("connected", "failed"…); it is no longer pending.</summary>
    public void Close(string id, string outcome, DateTimeOffset at) =>
        database.Write($"Closing callback '{id}'", (connection, transaction) =>
        {
            using var command = connection.Command(
                "UPDATE callbacks SET outcome = $outcome, closed_at = $at, dialling = 0 WHERE id = $id AND closed_at IS NULL;", transaction);
            return command.With("$id", id).With("$outcome", outcome).With("$at", UnixTime.ToMilliseconds(at)).ExecuteNonQuery();
        });

    /// <summary>Every callback not yet closed, in the order they were asked for.</summary>
    public IReadOnlyList<CallbackRecord> Pending() =>
        database.Read("Reading pending callbacks", connection =>
        {
            using var command = connection.Command(
                """
                SELECT id, origin_call_id, queue, number, language, priority, first_entered_at, entered_at, attempts, retry_at, dialling
                FROM callbacks WHERE closed_at IS NULL ORDER BY first_entered_at, id;
                """);
            return command.ReadAll(Map);
        });

    /// <summary>The outcome a callback was closed with, or null while it is pending or unknown.</summary>
    public string? OutcomeOf(string id) =>
        database.Read("Reading a callback's outcome", connection =>
        {
            using var command = connection.Command("SELECT outcome FROM callbacks WHERE id = $id;").With("$id", id);
            return command.ReadAll(r => r.GetNullableString(0)).SingleOrDefault();
        });

    private static CallbackRecord Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5),
        r.GetInstant(6), r.GetInstant(7), r.GetInt32(8), r.GetInstant(9), r.GetInt64(10) == 1);
}
