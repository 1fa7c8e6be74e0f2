using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>Adds an outbox entry inside the caller's transaction, so it commits or rolls back with the record it carries.</summary>
internal static class OutboxWriter
{
    /// <summary>The key head office deduplicates on: one per record revision, stable across retries.</summary>
    public static string KeyFor(string kind, string id, int revision) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:{id}:r{revision}");

    public static void Append(
        SqliteConnection connection, SqliteTransaction transaction, string kind, string id, int revision,
        byte[] payload, int payloadVersion, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payloadVersion < 1)
        {
            throw new InvalidOperationException($"the outbox payload encoder reports version {payloadVersion}; versions start at 1");
        }

        using var insert = connection.Command(
            """
            INSERT INTO outbox (idempotency_key, kind, payload, payload_version, created_at)
            VALUES ($key, $kind, $payload, $version, $created);
            """,
            transaction);
        insert.With("$key", KeyFor(kind, id, revision)).With("$kind", kind).With("$payload", payload)
            .With("$version", payloadVersion).With("$created", UnixTime.ToMilliseconds(createdAt));
        insert.ExecuteNonQuery();
    }
}
