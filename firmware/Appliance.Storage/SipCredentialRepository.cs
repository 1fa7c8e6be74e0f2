using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>Agents' SIP digest credentials (hashes only, kept on the agent's row), looked up by the extension a phone registers with.</summary>
public sealed class SipCredentialRepository(ApplianceDatabase database)
{
    /// <summary>The credentials of the enabled agent on <paramref name="extension"/>, or null (no such agent, disabled, or no password yet).</summary>
    public SipCredentialRecord? GetByExtension(string extension) =>
        database.Read("Reading SIP credentials", connection =>
        {
            using var command = connection.Command(
                """
                SELECT id, extension, sip_realm, sip_ha1_md5, sip_ha1_sha256, sip_password_set_at
                FROM agents
                WHERE extension = $extension AND enabled = 1 AND sip_ha1_md5 IS NOT NULL AND sip_ha1_sha256 IS NOT NULL;
                """).With("$extension", extension);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>The credentials of every enabled agent that has a password: the registrar keeps them in memory.</summary>
    public IReadOnlyList<SipCredentialRecord> ListEnabled() =>
        database.Read("Reading SIP credentials", connection =>
        {
            using var command = connection.Command(
                """
                SELECT id, extension, sip_realm, sip_ha1_md5, sip_ha1_sha256, sip_password_set_at
                FROM agents
                WHERE enabled = 1 AND sip_ha1_md5 IS NOT NULL AND sip_ha1_sha256 IS NOT NULL;
                """);
            return command.ReadAll(Map);
        });

    /// <summary>Stores (or replaces) an agent's hashes.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/> for an unknown agent or malformed hashes.</exception>
    public void Set(string agentId, string realm, string ha1Md5, string ha1Sha256, DateTimeOffset setAt)
    {
        var subject = $"SIP credentials of agent '{agentId}'";
        RecordRules.Text(realm, subject, "realm", 128);
        if (!IsHex(ha1Md5, 32) || !IsHex(ha1Sha256, 64))
        {
            throw RecordRules.Invalid(subject, "the hashes must be 32 and 64 lowercase hex digits");
        }

        database.Write($"Saving {subject}", (connection, transaction) =>
        {
            using var command = connection.Command(
                """
                UPDATE agents SET sip_realm = $realm, sip_ha1_md5 = $md5, sip_ha1_sha256 = $sha, sip_password_set_at = $at
                WHERE id = $agent;
                """,
                transaction);
            command.With("$agent", agentId).With("$realm", realm).With("$md5", ha1Md5).With("$sha", ha1Sha256)
                .With("$at", UnixTime.ToMilliseconds(setAt));
            return command.ExecuteNonQuery() == 1 ? 1 : throw RecordRules.Invalid(subject, "there is no such agent");
        });
    }

    private static bool IsHex(string value, int length) =>
        value.Length == length && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static SipCredentialRecord Map(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInstant(5));
}
