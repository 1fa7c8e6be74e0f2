using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Agents' own choices (logged in or out, paused with a reason), one row per agent, so they survive a restart; and the
/// agent state events of one agent over a period, for the login-time and occupancy report.
/// </summary>
public sealed class AgentStateRepository(ApplianceDatabase database)
{
    /// <summary>The kind of the event every agent state change writes (the journal's AGENT_STATE).</summary>
    public const string StateEventKind = "AGENT_STATE";

    /// <summary>Stores the agents' choices in one transaction, each replacing the agent's previous row.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/> for a bad value; nothing was stored.</exception>
    public void Save(IReadOnlyList<AgentStateRecord> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states)
        {
            var subject = $"state of agent '{state.AgentId}'";
            RecordRules.Text(state.AgentId, subject, "agent id", 128);
            RecordRules.Text(state.PauseReason, subject, "pause reason", 16, required: false);
        }

        database.Write("Storing agents' states", (connection, transaction) =>
        {
            using var command = connection.Command(
                """
                INSERT INTO agent_states (agent_id, logged_in, pause_reason, changed_at) VALUES ($agent, $in, $reason, $at)
                ON CONFLICT (agent_id) DO UPDATE SET logged_in = excluded.logged_in, pause_reason = excluded.pause_reason,
                    changed_at = excluded.changed_at;
                """,
                transaction);
            var agent = command.Parameters.Add("$agent", SqliteType.Text);
            var loggedIn = command.Parameters.Add("$in", SqliteType.Integer);
            var reason = command.Parameters.Add("$reason", SqliteType.Text);
            var at = command.Parameters.Add("$at", SqliteType.Integer);
            foreach (var state in states)
            {
                agent.Value = state.AgentId;
                loggedIn.Value = state.LoggedIn ? 1 : 0;
                reason.Value = (object?)state.PauseReason ?? DBNull.Value;
                at.Value = UnixTime.ToMilliseconds(state.ChangedAt);
                command.ExecuteNonQuery();
            }

            return states.Count;
        });
    }

    /// <summary>Every stored agent state, ordered by agent id.</summary>
    public IReadOnlyList<AgentStateRecord> List() =>
        database.Read("Reading agents' states", connection =>
        {
            using var command = connection.Command("SELECT agent_id, logged_in, pause_reason, changed_at FROM agent_states ORDER BY agent_id;");
            return command.ReadAll(reader => new AgentStateRecord(
                reader.GetString(0), reader.GetInt64(1) == 1, reader.GetNullableString(2), reader.GetInstant(3)));
        });

    /// <summary>
    /// The AGENT_STATE events of <paramref name="agentId"/> in [<paramref name="from"/>, <paramref name="to"/>), in log
    /// order, preceded by the last one before <paramref name="from"/> if there is one (it says what state the period began in).
    /// </summary>
    public IReadOnlyList<CallEventRecord> StateEvents(string agentId, DateTimeOffset from, DateTimeOffset to) =>
        database.Read("Reading an agent's state events", connection =>
        {
            using var command = connection.Command(
                """
                SELECT seq, at, call_id, kind, queue, agent, data FROM (
                    SELECT * FROM (SELECT * FROM events WHERE agent = $agent AND kind = $kind AND at < $from ORDER BY at DESC, seq DESC LIMIT 1)
                    UNION ALL
                    SELECT * FROM events WHERE agent = $agent AND kind = $kind AND at >= $from AND at < $to)
                ORDER BY seq;
                """);
            command.With("$agent", agentId).With("$kind", StateEventKind)
                .With("$from", UnixTime.ToMilliseconds(from)).With("$to", UnixTime.ToMilliseconds(to));
            return command.ReadAll(reader => new CallEventRecord(
                reader.GetInstant(1), reader.GetNullableString(2), reader.GetString(3), reader.GetNullableString(4),
                reader.GetNullableString(5), reader.GetNullableString(6), reader.GetInt64(0)));
        });
}
