using System.Security.Cryptography;
using System.Text;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// The configuration documents, newest in force. Storing a version also brings the agents table in line with the
/// document's agents in the same transaction, so a phone's credentials never outlive or precede its agent.
/// </summary>
public sealed class ConfigurationVersionRepository(ApplianceDatabase database)
{
    /// <summary>The longest document accepted, in characters.</summary>
    public const int MaxDocumentLength = 4 * 1024 * 1024;

    /// <summary>The version in force, or null on a box never configured.</summary>
    public ConfigurationVersionRecord? Latest() =>
        database.Read("Reading the configuration", connection =>
        {
            using var command = connection.Command(
                "SELECT version, applied_at, source, document, sha256 FROM config_versions ORDER BY version DESC LIMIT 1;");
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>Version <paramref name="version"/>, or null.</summary>
    public ConfigurationVersionRecord? Get(long version) =>
        database.Read("Reading a configuration version", connection =>
        {
            using var command = connection.Command(
                "SELECT version, applied_at, source, document, sha256 FROM config_versions WHERE version = $version;").With("$version", version);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>
    /// Stores <paramref name="document"/> as the next version and makes the agents table hold exactly
    /// <paramref name="agents"/> (an agent whose extension changed loses its SIP hashes: they were made for the old one).
    /// </summary>
    /// <returns>The new version number.</returns>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/>: an empty or oversized document or a bad source.</exception>
    public long Append(string document, string source, IReadOnlyList<AgentRecord> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        RecordRules.Text(source, "configuration version", "source", 200);
        if (string.IsNullOrWhiteSpace(document) || document.Length > MaxDocumentLength)
        {
            throw RecordRules.Invalid("configuration version", $"the document must be 1 to {MaxDocumentLength} characters long");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        var now = UnixTime.ToMilliseconds(database.TimeProvider.GetUtcNow());
        return database.Write("Saving the configuration", (connection, transaction) =>
        {
            using var next = connection.Command("SELECT coalesce(max(version), 0) + 1 FROM config_versions;", transaction);
            var version = (long)next.ExecuteScalar()!;
            using var insert = connection.Command(
                "INSERT INTO config_versions (version, applied_at, source, document, sha256) VALUES ($v, $at, $source, $doc, $sha);",
                transaction);
            insert.With("$v", version).With("$at", now).With("$source", source).With("$doc", document).With("$sha", sha256).ExecuteNonQuery();
            MirrorAgents(connection, transaction, agents);
            return version;
        });
    }

    private static void MirrorAgents(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AgentRecord> agents)
    {
        using (var clear = connection.Command("CREATE TEMP TABLE IF NOT EXISTS kept_agents (id TEXT PRIMARY KEY); DELETE FROM kept_agents;", transaction))
        {
            clear.ExecuteNonQuery();
        }

        // A phone's digest hashes were made with its extension as the user name: they die with a change of extension.
        foreach (var agent in agents)
        {
            using var forget = connection.Command(
                """
                UPDATE agents SET sip_realm = NULL, sip_ha1_md5 = NULL, sip_ha1_sha256 = NULL, sip_password_set_at = NULL
                WHERE id = $id AND extension <> $extension;
                """,
                transaction);
            forget.With("$id", agent.Id).With("$extension", agent.Extension).ExecuteNonQuery();
        }

        // Extensions are unique: park them all first, so two agents can swap extensions in one version.
        using (var park = connection.Command("UPDATE agents SET extension = '~' || id;", transaction))
        {
            park.ExecuteNonQuery();
        }

        foreach (var agent in agents)
        {
            using var upsert = connection.Command(
                """
                INSERT INTO agents (id, name, extension, simulated, sim_answer_after_ms, sim_talk_tone_hz, enabled)
                VALUES ($id, $name, $extension, $simulated, $answer, $tone, $enabled)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, extension = excluded.extension,
                    simulated = excluded.simulated, sim_answer_after_ms = excluded.sim_answer_after_ms,
                    sim_talk_tone_hz = excluded.sim_talk_tone_hz, enabled = excluded.enabled;
                INSERT INTO kept_agents (id) VALUES ($id);
                """,
                transaction);
            upsert.With("$id", agent.Id).With("$name", agent.Name).With("$extension", agent.Extension)
                .With("$simulated", agent.Simulated).With("$answer", agent.SimAnswerAfterMilliseconds)
                .With("$tone", agent.SimTalkToneHz).With("$enabled", agent.Enabled).ExecuteNonQuery();
        }

        using var prune = connection.Command("DELETE FROM agents WHERE id NOT IN (SELECT id FROM kept_agents); DROP TABLE kept_agents;", transaction);
        prune.ExecuteNonQuery();
    }

    private static ConfigurationVersionRecord Map(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInstant(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
}
