using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The call detail records; with an encoder, each stored call also enters the outbox for head office.</summary>
public sealed class CallRecordRepository(ApplianceDatabase database, ICallSummaryEncoder? summaries = null)
{
    private const string Select =
        """
        SELECT id, line, channel_kind, caller_number, caller_name, started_at, answered_at, ended_at, entry_menu, queue, agent,
            outcome, wait_ms, talk_ms, hangup_cause, recording_id, callback_attempts, survey_score
        FROM calls
        """;

    /// <summary>Stores a finished call's record. It is durable when this returns (WAL with synchronous=FULL).</summary>
    /// <exception cref="StorageException">
    /// <see cref="StorageFailure.InvalidRecord"/> for a bad value; <see cref="StorageFailure.Conflict"/> if the id was stored before.
    /// </exception>
    public void Insert(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var subject = $"call '{call.Id}'";
        Validate(call, subject);
        database.Write($"Storing {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM calls WHERE id = $id;", "$id", call.Id))
            {
                throw RecordRules.Conflict(subject, "a call record with this id is already stored");
            }

            using var command = connection.Command(
                """
                INSERT INTO calls (id, line, channel_kind, caller_number, caller_name, started_at, answered_at, ended_at, entry_menu,
                    queue, agent, outcome, wait_ms, talk_ms, hangup_cause, recording_id, callback_attempts, survey_score)
                VALUES ($id, $line, $kind, $number, $name, $started, $answered, $ended, $menu, $queue, $agent, $outcome, $wait, $talk,
                    $cause, $recording, $callbacks, $survey);
                """,
                transaction);
            command.With("$id", call.Id).With("$line", call.Line).With("$kind", call.ChannelKind)
                .With("$number", call.CallerNumber).With("$name", call.CallerName)
                .With("$started", UnixTime.ToMilliseconds(call.StartedAt)).With("$answered", UnixTime.ToDbValue(call.AnsweredAt))
                .With("$ended", UnixTime.ToDbValue(call.EndedAt)).With("$menu", call.EntryMenu).With("$queue", call.Queue)
                .With("$agent", call.Agent).With("$outcome", call.Outcome).With("$wait", call.WaitMilliseconds)
                .With("$talk", call.TalkMilliseconds).With("$cause", call.HangupCause).With("$recording", call.RecordingId)
                .With("$callbacks", call.CallbackAttempts).With("$survey", call.SurveyScore);
            var rows = command.ExecuteNonQuery();
            if (summaries is not null)
            {
                OutboxWriter.Append(
                    connection, transaction, OutboxKinds.CallSummary, call.Id, 1, summaries.Encode(call), summaries.PayloadVersion,
                    call.EndedAt ?? call.StartedAt);
            }

            return rows;
        });
    }

    /// <summary>The record of call <paramref name="id"/>, or null.</summary>
    public CallRecord? Get(string id) =>
        database.Read("Reading a call record", connection =>
        {
            using var command = connection.Command(Select + " WHERE id = $id;").With("$id", id);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>Calls that started in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<CallRecord> List(DateTimeOffset from, DateTimeOffset to, int max = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return database.Read("Listing call records", connection =>
        {
            using var command = connection.Command(Select + " WHERE started_at >= $from AND started_at < $to ORDER BY started_at, id LIMIT $max;");
            command.With("$from", UnixTime.ToMilliseconds(from)).With("$to", UnixTime.ToMilliseconds(to)).With("$max", max);
            return command.ReadAll(Map);
        });
    }

    private static void Validate(CallRecord call, string subject)
    {
        RecordRules.Text(call.Id, subject, "id", 128);
        RecordRules.Text(call.ChannelKind, subject, "channel kind", 32);
        RecordRules.Text(call.Outcome, subject, "outcome", 64);
        RecordRules.Text(call.CallerNumber, subject, "caller number", 64, required: false);
        RecordRules.Text(call.CallerName, subject, "caller name", 128, required: false);
        RecordRules.Text(call.EntryMenu, subject, "entry menu", 128, required: false);
        RecordRules.Text(call.Queue, subject, "queue", 128, required: false);
        RecordRules.Text(call.Agent, subject, "agent", 128, required: false);
        RecordRules.Text(call.HangupCause, subject, "hangup cause", 128, required: false);
        RecordRules.Text(call.RecordingId, subject, "recording id", 128, required: false);
        if (call.AnsweredAt < call.StartedAt || call.EndedAt < call.StartedAt)
        {
            throw RecordRules.Invalid(subject, "answered and ended times must not be before the start");
        }

        if (call.SurveyScore is < 1 or > 5)
        {
            throw RecordRules.Invalid(subject, $"survey score must be between 1 and 5, not {call.SurveyScore}");
        }

        if (call.WaitMilliseconds < 0 || call.TalkMilliseconds < 0)
        {
            throw RecordRules.Invalid(subject, "wait and talk times must not be negative");
        }
    }

    private static CallRecord Map(SqliteDataReader reader) =>
        new(reader.GetString(0),
            reader.GetNullableInt32(1),
            reader.GetString(2),
            reader.GetNullableString(3),
            reader.GetNullableString(4),
            reader.GetInstant(5),
            reader.GetNullableInstant(6),
            reader.GetNullableInstant(7),
            reader.GetNullableString(8),
            reader.GetNullableString(9),
            reader.GetNullableString(10),
            reader.GetString(11),
            reader.GetNullableInt64(12),
            reader.GetNullableInt64(13),
            reader.GetNullableString(14),
            reader.GetNullableString(15))
        { CallbackAttempts = reader.GetInt32(16), SurveyScore = reader.GetNullableInt32(17) };
}
