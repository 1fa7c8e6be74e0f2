using Appliance.HeadOffice.Branches.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Appliance.HeadOffice.Branches;

/// <summary>
/// The branches allowed to sync: enrolment issues a random key (shown once; only a salted hash is stored),
/// revocation shuts a branch out for good until it is enrolled again with a new key.
/// </summary>
public sealed class BranchRegistry
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<BranchRegistry> _logger;

    public BranchRegistry(NpgsqlDataSource dataSource, TimeProvider time, ILogger<BranchRegistry> logger)
    {
        _dataSource = dataSource;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Enrols a new branch, or reinstates a revoked one with a fresh key (the old key stays dead).
    /// </summary>
    /// <exception cref="BranchRegistryException">The id is invalid or the branch is already enrolled and active.</exception>
    public async Task<BranchEnrolment> EnrolAsync(string branchId, CancellationToken cancellationToken)
    {
        BranchIds.Validate(branchId);
        var key = BranchKeyHasher.NewKey();
        var salt = BranchKeyHasher.NewSalt();
        var now = _time.GetUtcNow().UtcDateTime;

        // Inserts a new branch, or replaces the key of a revoked one; an active branch is left untouched (no row back).
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO branches (branch_id, key_salt, key_hash, enrolled_at, revoked_at)
            VALUES ($1, $2, $3, $4, NULL)
            ON CONFLICT (branch_id) DO UPDATE
                SET key_salt = EXCLUDED.key_salt, key_hash = EXCLUDED.key_hash, enrolled_at = EXCLUDED.enrolled_at, revoked_at = NULL
                WHERE branches.revoked_at IS NOT NULL
            RETURNING (xmax <> 0) AS reinstated;
            """);
        command.Parameters.Add(new() { Value = branchId });
        command.Parameters.Add(new() { Value = salt });
        command.Parameters.Add(new() { Value = BranchKeyHasher.Hash(salt, key) });
        command.Parameters.Add(new() { Value = now });
        var result = await command.ExecuteScalarAsync(cancellationToken);
        if (result is not bool reinstated)
        {
            throw new BranchRegistryException($"Branch '{branchId}' is already enrolled and active; revoke it first to issue a new key.");
        }

        BranchRegistryLog.Enrolled(_logger, branchId, reinstated);
        return new BranchEnrolment(branchId, key, reinstated);
    }

    /// <summary>Revokes a branch; its key is refused from now on. Revoking a revoked branch changes nothing.</summary>
    /// <returns>False when the branch was already revoked.</returns>
    /// <exception cref="BranchRegistryException">The id is invalid or no such branch is enrolled.</exception>
    public async Task<bool> RevokeAsync(string branchId, CancellationToken cancellationToken)
    {
        BranchIds.Validate(branchId);
        await using var command = _dataSource.CreateCommand("""
            UPDATE branches SET revoked_at = COALESCE(revoked_at, $2) WHERE branch_id = $1
            RETURNING revoked_at = $2 AS newly_revoked;
            """);
        command.Parameters.Add(new() { Value = branchId });
        command.Parameters.Add(new() { Value = _time.GetUtcNow().UtcDateTime });
        var result = await command.ExecuteScalarAsync(cancellationToken);
        if (result is not bool newlyRevoked)
        {
            throw new BranchRegistryException($"Branch '{branchId}' is not enrolled.");
        }

        if (newlyRevoked)
        {
            BranchRegistryLog.Revoked(_logger, branchId);
        }

        return newlyRevoked;
    }

    /// <summary>Every enrolled branch, by id, with how many records it has synced.</summary>
    public async Task<IReadOnlyList<BranchInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT b.branch_id, b.enrolled_at, b.revoked_at,
                   (SELECT COUNT(*) FROM applied_records r WHERE r.branch_id = b.branch_id)
            FROM branches b ORDER BY b.branch_id;
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var branches = new List<BranchInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var revokedAt = reader.IsDBNull(2) ? (DateTimeOffset?)null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero);
            branches.Add(new BranchInfo(
                reader.GetString(0),
                revokedAt is null ? BranchStatus.Active : BranchStatus.Revoked,
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                revokedAt,
                reader.GetInt64(3)));
        }

        return branches;
    }

    /// <summary>Checks a presented branch id and key. Unknown ids and wrong keys look the same to the caller.</summary>
    public async Task<BranchCredentialCheck> CheckAsync(string branchId, string key, CancellationToken cancellationToken)
    {
        if (!BranchIds.IsValid(branchId) || string.IsNullOrEmpty(key))
        {
            return BranchCredentialCheck.Unknown;
        }

        await using var command = _dataSource.CreateCommand("SELECT key_salt, key_hash, revoked_at IS NOT NULL FROM branches WHERE branch_id = $1;");
        command.Parameters.Add(new() { Value = branchId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return BranchCredentialCheck.Unknown;
        }

        var salt = reader.GetFieldValue<byte[]>(0);
        var hash = reader.GetFieldValue<byte[]>(1);
        if (!BranchKeyHasher.Matches(salt, hash, key))
        {
            return BranchCredentialCheck.Unknown;
        }

        return reader.GetBoolean(2) ? BranchCredentialCheck.Revoked : BranchCredentialCheck.Valid;
    }
}
