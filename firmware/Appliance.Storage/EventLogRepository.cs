using System.Globalization;
using System.Text.Json;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The append-only event log. Rows can be added and read, never changed: the database itself refuses updates and deletes.</summary>
public sealed class EventLogRepository(ApplianceDatabase database)
{
    /// <summary>The longest <see cref="CallEventRecord.Data"/> accepted, in characters.</summary>
    public const int MaxDataLength = 16 * 1024;

    private const string Select = "SELECT seq, at, call_id, kind, queue, agent, data FROM events";

    /// <summary>Appends the events in one transaction, in list order: all of them or, on any bad event, none.</summary>
    /// <returns>The events as stored, with <see cref="CallEventRecord.Seq"/> assigned.</returns>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/>: an event has a bad value; nothing was stored.</exception>
    public IReadOnlyList<CallEventRecord> Append(IReadOnlyList<CallEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            Validate(events[i], i);
        }

        if (events.Count == 0)
        {
            return [];
        }

        return database.Write("Appending to the event log", (connection, transaction) =>
        {
            using var insert = connection.Command(
                "INSERT INTO events (at, call_id, kind, queue, agent, data) VALUES ($at, $call, $kind, $queue, $agent, $data) RETURNING seq;",
                transaction);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            var call = insert.Parameters.Add("$call", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Text);
            var queue = insert.Parameters.Add("$queue", SqliteType.Text);
            var agent = insert.Parameters.Add("$agent", SqliteType.Text);
            var data = insert.Parameters.Add("$data", SqliteType.Text);
            var stored = new CallEventRecord[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var item = events[i];
                at.Value = UnixTime.ToMilliseconds(item.At);
                call.Value = (object?)item.CallId ?? DBNull.Value;
                kind.Value = item.Kind;
                queue.Value = (object?)item.Queue ?? DBNull.Value;
                agent.Value = (object?)item.Agent ?? DBNull.Value;
                data.Value = (object?)item.Data ?? DBNull.Value;
                var seq = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);

                // The stored instant is truncated to the millisecond; return what a later read would return.
                stored[i] = item with { Seq = seq, At = UnixTime.FromMilliseconds(UnixTime.ToMilliseconds(item.At)) };
            }

            return stored;
        });
    }

    /// <summary>Every event of call <paramref name="callId"/>, in log order.</summary>
    public IReadOnlyList<CallEventRecord> ReadByCall(string callId) =>
        database.Read("Reading a call's events", connection =>
        {
            using var command = connection.Command(Select + " WHERE call_id = $call ORDER BY seq;").With("$call", callId);
            return command.ReadAll(Map);
        });

    /// <summary>Events that happened in [<paramref name="from"/>, <paramref name="to"/>), in log order.</summary>
    public IReadOnlyList<CallEventRecord> Read(DateTimeOffset from, DateTimeOffset to) =>
        database.Read("Reading events by time", connection =>
        {
            using var command = connection.Command(Select + " WHERE at >= $from AND at < $to ORDER BY seq;");
            command.With("$from", UnixTime.ToMilliseconds(from)).With("$to", UnixTime.ToMilliseconds(to));
            return command.ReadAll(Map);
        });

    /// <summary>Up to <paramref name="max"/> events after position <paramref name="seq"/>, in log order: the cursor for sync.</summary>
    public IReadOnlyList<CallEventRecord> ReadAfter(long seq, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return database.Read("Reading events after a position", connection =>
        {
            using var command = connection.Command(Select + " WHERE seq > $seq ORDER BY seq LIMIT $max;");
            command.With("$seq", seq).With("$max", max);
            return command.ReadAll(Map);
        });
    }

    /// <summary>The position of the newest event, or 0 when the log is empty.</summary>
    public long LastSeq() =>
        database.Read("Reading the event log position", connection =>
        {
            using var command = connection.Command("SELECT coalesce(max(seq), 0) FROM events;");
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });

    private static void Validate(CallEventRecord? item, int index)
    {
        var subject = string.Create(CultureInfo.InvariantCulture, $"event {index}");
        if (item is null)
        {
            throw RecordRules.Invalid(subject, "is missing (null)");
        }

        subject = string.Create(CultureInfo.InvariantCulture, $"event {index} ({item.Kind})");
        RecordRules.Text(item.Kind, subject, "kind", 64);
        RecordRules.Text(item.CallId, subject, "call id", 128, required: false);
        RecordRules.Text(item.Queue, subject, "queue", 128, required: false);
        RecordRules.Text(item.Agent, subject, "agent", 128, required: false);
        if (item.Data is null)
        {
            return;
        }

        if (item.Data.Length > MaxDataLength)
        {
            throw RecordRules.Invalid(subject, string.Create(CultureInfo.InvariantCulture,
                $"data is {item.Data.Length} characters long; at most {MaxDataLength} are allowed"));
        }

        try
        {
            using var document = JsonDocument.Parse(item.Data);
        }
        catch (JsonException exception)
        {
            throw RecordRules.Invalid(subject, $"data is not valid JSON ({exception.Message})");
        }
    }

    private static CallEventRecord Map(SqliteDataReader reader) =>
        new(reader.GetInstant(1),
            reader.GetNullableString(2),
            reader.GetString(3),
            reader.GetNullableString(4),
            reader.GetNullableString(5),
            reader.GetNullableString(6),
            reader.GetInt64(0));
}
