using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The ACD queues with their members.</summary>
public sealed class QueueRepository(ApplianceDatabase database)
{
    private const string Select =
        "SELECT name, strategy, ring_timeout_s, max_wait_s, wrap_up_s, service_level_threshold_s FROM queues";

    private const string SelectMembers = "SELECT queue, agent, penalty FROM queue_members";

    /// <summary>Every queue with its members, by name.</summary>
    public IReadOnlyList<QueueRecord> List() =>
        database.Read("Listing queues", connection =>
        {
            using var members = connection.Command(SelectMembers + " ORDER BY queue, penalty, rowid;");
            var byQueue = members.ReadAll(reader => (Queue: reader.GetString(0), Member: MapMember(reader)))
                .ToLookup(row => row.Queue, row => row.Member, StringComparer.Ordinal);
            using var queues = connection.Command(Select + " ORDER BY name;");
            return queues.ReadAll(reader => Map(reader, [.. byQueue[reader.GetString(0)]]));
        });

    /// <summary>The queue named <paramref name="name"/> with its members, or null.</summary>
    public QueueRecord? Get(string name) =>
        database.Read("Reading a queue", connection => Get(connection, null, name));

    /// <summary>Creates or replaces the queue and replaces its member list, in one transaction.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/>: a bad value, a repeated member or an unknown agent.</exception>
    public void Upsert(QueueRecord queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var subject = $"queue '{queue.Name}'";
        Validate(queue, subject);

        database.Write($"Saving {subject}", (connection, transaction) =>
        {
            using (var command = connection.Command(
                """
                INSERT INTO queues (name, strategy, ring_timeout_s, max_wait_s, wrap_up_s, service_level_threshold_s)
                VALUES ($name, $strategy, $ring, $wait, $wrap, $sl)
                ON CONFLICT (name) DO UPDATE SET strategy = excluded.strategy, ring_timeout_s = excluded.ring_timeout_s,
                    max_wait_s = excluded.max_wait_s, wrap_up_s = excluded.wrap_up_s,
                    service_level_threshold_s = excluded.service_level_threshold_s;
                """,
                transaction))
            {
                command.With("$name", queue.Name).With("$strategy", queue.Strategy).With("$ring", queue.RingTimeoutSeconds)
                    .With("$wait", queue.MaxWaitSeconds).With("$wrap", queue.WrapUpSeconds)
                    .With("$sl", queue.ServiceLevelThresholdSeconds);
                command.ExecuteNonQuery();
            }

            using (var clear = connection.Command("DELETE FROM queue_members WHERE queue = $name;", transaction))
            {
                clear.With("$name", queue.Name).ExecuteNonQuery();
            }

            using var insert = connection.Command(
                "INSERT INTO queue_members (queue, agent, penalty) VALUES ($queue, $agent, $penalty);", transaction);
            var agentParameter = insert.With("$queue", queue.Name).Parameters.AddWithValue("$agent", string.Empty);
            var penaltyParameter = insert.Parameters.AddWithValue("$penalty", 0);
            foreach (var member in queue.Members)
            {
                if (!connection.Exists(transaction, "SELECT 1 FROM agents WHERE id = $id;", "$id", member.AgentId))
                {
                    throw RecordRules.Invalid(subject, $"member agent '{member.AgentId}' does not exist; create the agent first");
                }

                agentParameter.Value = member.AgentId;
                penaltyParameter.Value = member.Penalty;
                insert.ExecuteNonQuery();
            }

            return queue.Members.Count;
        });
    }

    /// <summary>Removes the queue and its memberships; returns whether there was one.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.Conflict"/>: a menu option still sends callers to it.</exception>
    public bool Delete(string name) =>
        database.Write("Deleting a queue", (connection, transaction) =>
        {
            using (var users = connection.Command(
                "SELECT menu, digit FROM ivr_menu_options WHERE action = 'queue:' || $name ORDER BY menu, digit LIMIT 1;", transaction))
            {
                using var reader = users.With("$name", name).ExecuteReader();
                if (reader.Read())
                {
                    throw RecordRules.Conflict($"queue '{name}'",
                        $"menu '{reader.GetString(0)}' key {reader.GetString(1)} still sends callers to it; change that option first");
                }
            }

            using var command = connection.Command("DELETE FROM queues WHERE name = $name;", transaction).With("$name", name);
            return command.ExecuteNonQuery() > 0;
        });

    private static QueueRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var members = connection.Command(SelectMembers + " WHERE queue = $name ORDER BY penalty, rowid;", transaction);
        var list = members.With("$name", name).ReadAll(MapMember);
        using var command = connection.Command(Select + " WHERE name = $name;", transaction).With("$name", name);
        return command.ReadAll(reader => Map(reader, list)).SingleOrDefault();
    }

    private static void Validate(QueueRecord queue, string subject)
    {
        RecordRules.Identifier(queue.Name, subject, "name");
        if (!QueueStrategies.All.Contains(queue.Strategy, StringComparer.Ordinal))
        {
            throw RecordRules.Invalid(subject,
                $"strategy '{queue.Strategy}' is not known (known: {string.Join(", ", QueueStrategies.All)})");
        }

        RecordRules.Range(queue.RingTimeoutSeconds, 1, 600, subject, "ring timeout (s)");
        RecordRules.Range(queue.MaxWaitSeconds, 0, 86_400, subject, "maximum wait (s)");
        RecordRules.Range(queue.WrapUpSeconds, 0, 3_600, subject, "wrap-up (s)");
        RecordRules.Range(queue.ServiceLevelThresholdSeconds, 1, 3_600, subject, "service level threshold (s)");
        if (queue.Members is null)
        {
            throw RecordRules.Invalid(subject, "members must be a list (empty for none)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in queue.Members)
        {
            if (member is null)
            {
                throw RecordRules.Invalid(subject, "the member list contains an empty entry");
            }

            RecordRules.Identifier(member.AgentId, subject, "member agent id");
            RecordRules.Range(member.Penalty, 0, 100, subject, $"penalty of member '{member.AgentId}'");
            if (!seen.Add(member.AgentId))
            {
                throw RecordRules.Invalid(subject, $"agent '{member.AgentId}' is listed twice");
            }
        }
    }

    private static QueueMemberRecord MapMember(SqliteDataReader reader) => new(reader.GetString(1), reader.GetInt32(2));

    private static QueueRecord Map(SqliteDataReader reader, IReadOnlyList<QueueMemberRecord> members) =>
        new(reader.GetString(0),
            reader.GetString(1),
            reader.GetInt32(2),
            reader.GetInt32(3),
            reader.GetInt32(4),
            reader.GetInt32(5),
            members);
}
