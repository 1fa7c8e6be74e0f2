using System.Text.Json;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Quality;

/// <summary>
/// The QA review lists and scores. A week's sample is stored once with its week row, so drawing it again (after a
/// restart, or a second request) keeps the list reviewers already have. A score and its outbox entry commit together.
/// </summary>
public sealed class QaRepository(ApplianceDatabase database, IQaScoreEncoder? encoder = null)
{
    private const string SampleSelect =
        """
        SELECT s.call_id, s.week_start, s.agent, s.queue, s.recording_id, s.started_at,
            EXISTS (SELECT 1 FROM qa_scores q WHERE q.call_id = s.call_id)
        FROM qa_samples s
        """;

    private const string ScoreSelect = "SELECT id, call_id, agent, scorecard, reviewer, answers, total, fatal, scored_at FROM qa_scores";

    /// <summary>
    /// Stores <paramref name="samples"/> as the week's review list unless the week was drawn before; returns false (and
    /// stores nothing) when it was.
    /// </summary>
    public bool TryStoreWeek(DateTimeOffset weekStart, int percent, IReadOnlyList<QaSampleRecord> samples, DateTimeOffset drawnAt)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var week = UnixTime.ToMilliseconds(weekStart);
        return database.Write($"Storing the QA sample of the week of {weekStart:yyyy-MM-dd}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM qa_sample_weeks WHERE week_start = $week;", "$week", week))
            {
                return false;
            }

            using (var insertWeek = connection.Command(
                "INSERT INTO qa_sample_weeks (week_start, percent, drawn_at, calls) VALUES ($week, $percent, $drawn, $calls);", transaction))
            {
                insertWeek.With("$week", week).With("$percent", percent).With("$drawn", UnixTime.ToMilliseconds(drawnAt)).With("$calls", samples.Count);
                insertWeek.ExecuteNonQuery();
            }

            foreach (var sample in samples)
            {
                using var insert = connection.Command(
                    """
                    INSERT INTO qa_samples (call_id, week_start, agent, queue, recording_id, started_at)
                    VALUES ($call, $week, $agent, $queue, $recording, $started);
                    """,
                    transaction);
                insert.With("$call", sample.CallId).With("$week", week).With("$agent", sample.Agent).With("$queue", sample.Queue)
                    .With("$recording", sample.RecordingId).With("$started", UnixTime.ToMilliseconds(sample.StartedAt));
                insert.ExecuteNonQuery();
            }

            return true;
        });
    }

    /// <summary>Whether the week starting at <paramref name="weekStart"/> has been drawn.</summary>
    public bool IsDrawn(DateTimeOffset weekStart) =>
        database.Read("Reading the QA sample weeks", connection =>
            connection.Exists(null, "SELECT 1 FROM qa_sample_weeks WHERE week_start = $week;", "$week", UnixTime.ToMilliseconds(weekStart)));

    /// <summary>The review list of a week, by agent then call start.</summary>
    public IReadOnlyList<QaSampleRecord> ListWeek(DateTimeOffset weekStart) =>
        database.Read("Listing a QA review list", connection =>
        {
            using var command = connection.Command(SampleSelect + " WHERE s.week_start = $week ORDER BY s.agent, s.started_at, s.call_id;")
                .With("$week", UnixTime.ToMilliseconds(weekStart));
            return command.ReadAll(MapSample);
        });

    /// <summary>Stores a score and queues it for head office in one transaction.</summary>
    /// <exception cref="StorageException">InvalidRecord for a bad value; Conflict when the call already has a score on this scorecard.</exception>
    public QaScoreRecord InsertScore(QaScoreRecord score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var subject = $"QA score of call '{score.CallId}'";
        RecordRules.Text(score.Id, subject, "id", 128);
        RecordRules.Text(score.CallId, subject, "call id", 128);
        RecordRules.Text(score.Agent, subject, "agent", 128);
        RecordRules.Text(score.Scorecard, subject, "scorecard", 64);
        RecordRules.Text(score.Reviewer, subject, "reviewer", 64);
        if (double.IsNaN(score.Total) || score.Total is < 0 or > 100)
        {
            throw RecordRules.Invalid(subject, $"the total must be between 0 and 100, not {score.Total}");
        }

        return database.Write($"Storing the {subject}", (connection, transaction) =>
        {
            if (Exists(connection, transaction, score))
            {
                throw RecordRules.Conflict(subject, $"the call already has a score on scorecard '{score.Scorecard}'");
            }

            using var insert = connection.Command(
                """
                INSERT INTO qa_scores (id, call_id, agent, scorecard, reviewer, answers, total, fatal, scored_at)
                VALUES ($id, $call, $agent, $card, $reviewer, $answers, $total, $fatal, $at);
                """,
                transaction);
            insert.With("$id", score.Id).With("$call", score.CallId).With("$agent", score.Agent).With("$card", score.Scorecard)
                .With("$reviewer", score.Reviewer).With("$answers", JsonSerializer.Serialize(score.Answers.ToDictionary(a => a.Key, a => a.Value)))
                .With("$total", score.Total).With("$fatal", score.Fatal ? 1 : 0).With("$at", UnixTime.ToMilliseconds(score.ScoredAt));
            insert.ExecuteNonQuery();
            if (encoder is not null)
            {
                OutboxWriter.Append(connection, transaction, OutboxKinds.QaScore, score.Id, 1, encoder.Encode(score), encoder.PayloadVersion, score.ScoredAt);
            }

            return score;
        });
    }

    /// <summary>The scores of one call, oldest first.</summary>
    public IReadOnlyList<QaScoreRecord> ScoresOf(string callId) =>
        database.Read("Reading QA scores", connection =>
        {
            using var command = connection.Command(ScoreSelect + " WHERE call_id = $call ORDER BY scored_at, id;").With("$call", callId);
            return command.ReadAll(MapScore);
        });

    private static bool Exists(SqliteConnection connection, SqliteTransaction transaction, QaScoreRecord score)
    {
        using var command = connection.Command("SELECT 1 FROM qa_scores WHERE call_id = $call AND scorecard = $card;", transaction)
            .With("$call", score.CallId).With("$card", score.Scorecard);
        return command.ExecuteScalar() is not null;
    }

    private static QaSampleRecord MapSample(SqliteDataReader r) =>
        new(r.GetString(0), r.GetInstant(1), r.GetString(2), r.GetNullableString(3), r.GetString(4), r.GetInstant(5)) { Scored = r.GetInt64(6) != 0 };

    private static QaScoreRecord MapScore(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            [.. JsonSerializer.Deserialize<Dictionary<string, int>>(r.GetString(5))!],
            r.GetDouble(6), r.GetInt64(7) != 0, r.GetInstant(8));
}
