using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The agents and their extensions.</summary>
public sealed class AgentRepository(ApplianceDatabase database)
{
    private const string Select =
        "SELECT id, name, extension, simulated, sim_answer_after_ms, sim_talk_tone_hz, enabled FROM agents";

    /// <summary>Every agent, by id.</summary>
    public IReadOnlyList<AgentRecord> List() =>
        database.Read("Listing agents", connection =>
        {
            using var command = connection.Command(Select + " ORDER BY id;");
            return command.ReadAll(Map);
        });

    /// <summary>The agent with <paramref name="id"/>, or null.</summary>
    public AgentRecord? Get(string id) =>
        database.Read("Reading an agent", connection =>
        {
            using var command = connection.Command(Select + " WHERE id = $id;").With("$id", id);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>The agent whose phone answers on <paramref name="extension"/>, or null.</summary>
    public AgentRecord? GetByExtension(string extension) =>
        database.Read("Reading an agent by extension", connection =>
        {
            using var command = connection.Command(Select + " WHERE extension = $extension;").With("$extension", extension);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>Creates or replaces the agent with the record's id.</summary>
    /// <exception cref="StorageException">
    /// <see cref="StorageFailure.InvalidRecord"/> for a bad value; <see cref="StorageFailure.Conflict"/> when another agent has the extension.
    /// </exception>
    public void Upsert(AgentRecord agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var subject = $"agent '{agent.Id}'";
        RecordRules.Identifier(agent.Id, subject, "id");
        RecordRules.Text(agent.Name, subject, "name", RecordRules.MaxNameLength);
        RecordRules.Extension(agent.Extension, subject);
        if (agent.SimAnswerAfterMilliseconds is { } answerAfter)
        {
            RecordRules.Range(answerAfter, 0, 600_000, subject, "simulated answer delay (ms)");
        }

        if (agent.SimTalkToneHz is { } tone)
        {
            RecordRules.Range(tone, 50, 4_000, subject, "simulated talk tone (Hz)");
        }

        database.Write($"Saving {subject}", (connection, transaction) =>
        {
            using (var owner = connection.Command("SELECT id FROM agents WHERE extension = $extension AND id <> $id;", transaction))
            {
                if (owner.With("$extension", agent.Extension).With("$id", agent.Id).ExecuteScalar() is string other)
                {
                    throw RecordRules.Conflict(subject, $"extension {agent.Extension} already belongs to agent '{other}'");
                }
            }

            using var command = connection.Command(
                """
                INSERT INTO agents (id, name, extension, simulated, sim_answer_after_ms, sim_talk_tone_hz, enabled)
                VALUES ($id, $name, $extension, $simulated, $answer, $tone, $enabled)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, extension = excluded.extension,
                    simulated = excluded.simulated, sim_answer_after_ms = excluded.sim_answer_after_ms,
                    sim_talk_tone_hz = excluded.sim_talk_tone_hz, enabled = excluded.enabled;
                """,
                transaction);
            command.With("$id", agent.Id).With("$name", agent.Name).With("$extension", agent.Extension)
                .With("$simulated", agent.Simulated).With("$answer", agent.SimAnswerAfterMilliseconds)
                .With("$tone", agent.SimTalkToneHz).With("$enabled", agent.Enabled);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Removes the agent and their queue memberships; returns whether there was one. Call records keep the id.</summary>
    public bool Delete(string id) =>
        database.Write("Deleting an agent", (connection, transaction) =>
        {
            using var command = connection.Command("DELETE FROM agents WHERE id = $id;", transaction).With("$id", id);
            return command.ExecuteNonQuery() > 0;
        });

    private static AgentRecord Map(SqliteDataReader reader) =>
        new(reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetBoolean(3),
            reader.GetNullableInt32(4),
            reader.GetNullableInt32(5),
            reader.GetBoolean(6));
}
