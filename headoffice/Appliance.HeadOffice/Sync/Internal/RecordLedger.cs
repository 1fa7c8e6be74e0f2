using Npgsql;
using NpgsqlTypes;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>
/// The table of applied idempotency keys. Inserting there first decides, inside the batch's transaction, which records
/// are new: a key another transaction holds makes this one wait for it, then skip the key once it commits.
/// </summary>
internal static class RecordLedger
{
    /// <summary>Records each new key and returns the keys that were new.</summary>
    public static async Task<HashSet<string>> InsertNewAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId, string batchId, DateTime appliedAt,
        IReadOnlyList<IncomingRecord> records, CancellationToken cancellationToken)
    {
        // Keys go in sorted order so two overlapping batches lock them in the same order and cannot deadlock.
        var sorted = records.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO applied_records
                (branch_id, idempotency_key, kind, payload_version, sequence, payload, payload_sha256, created_at, applied_at, batch_id)
            SELECT $1, k, kd, v, s, p, h, c, $2, $3
            FROM unnest($4::text[], $5::smallint[], $6::integer[], $7::bigint[], $8::bytea[], $9::bytea[], $10::timestamptz[])
                 WITH ORDINALITY AS t(k, kd, v, s, p, h, c, n)
            ORDER BY n
            ON CONFLICT (branch_id, idempotency_key) DO NOTHING
            RETURNING idempotency_key;
            """, connection, transaction);
        command.With(branchId).With(appliedAt).With(batchId)
            .With(NpgsqlDbType.Text, sorted.Select(r => r.Key))
            .With(NpgsqlDbType.Smallint, sorted.Select(r => (short)r.Kind))
            .With(NpgsqlDbType.Integer, sorted.Select(r => r.PayloadVersion))
            .With(NpgsqlDbType.Bigint, sorted.Select(r => r.Sequence))
            .With(NpgsqlDbType.Bytea, sorted.Select(r => r.Payload))
            .With(NpgsqlDbType.Bytea, sorted.Select(r => r.PayloadSha256))
            .With(NpgsqlDbType.TimestampTz, sorted.Select(r => r.CreatedAt));
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }

    /// <summary>The stored payload hash of each of <paramref name="keys"/> that was applied before.</summary>
    public static async Task<Dictionary<string, byte[]>> ReadHashesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return hashes;
        }

        await using var command = new NpgsqlCommand(
            "SELECT idempotency_key, payload_sha256 FROM applied_records WHERE branch_id = $1 AND idempotency_key = ANY($2);",
            connection, transaction);
        command.With(branchId).With(NpgsqlDbType.Text, keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
        }

        return hashes;
    }
}
