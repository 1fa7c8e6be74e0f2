using System.Globalization;
using Appliance.Core.Quality.Internal;
using Appliance.Storage;
using Appliance.Storage.Quality;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Quality;

/// <summary>
/// Quality assurance: draws each week's review list (once: a week drawn before keeps its list, across restarts),
/// stores reviewers' scores against the configured scorecards (checked whole before anything is stored) and shows a
/// call's scores. Called from the control API, never from the media loop (it reads and writes SQLite synchronously).
/// </summary>
/// <param name="random">Draws the samples; seed it for a reproducible draw.</param>
public sealed class QaService(
    QaRepository quality, CallRecordRepository calls, IOptions<QualityOptions> options, TimeProvider time, Random random, ILogger<QaService> logger)
{
    private readonly QualityOptions _options = options.Value;

    /// <summary>
    /// Draws the review list of the week containing <paramref name="week"/> (by default the last complete week) unless it
    /// was drawn before, and returns the week's list.
    /// </summary>
    /// <exception cref="QaException">Invalid: the week is not over yet.</exception>
    public (DateTimeOffset WeekStart, bool DrawnNow, IReadOnlyList<QaSampleRecord> Samples) Sample(DateOnly? week = null)
    {
        var start = Week(week);
        var now = time.GetUtcNow();
        if (start.AddDays(7) > now)
        {
            throw Refuse(QaFailure.Invalid, $"the week of {Day(start)} is not over yet (it ends {Day(start.AddDays(7))}); sample a past week");
        }

        var drawnNow = false;
        if (!quality.IsDrawn(start))
        {
            var sample = QaSampler.Draw(calls.List(start, start.AddDays(7)), start, _options.SamplePercent, random);
            drawnNow = quality.TryStoreWeek(start, _options.SamplePercent, sample, now);
            if (drawnNow)
            {
                QaLog.Drawn(logger, Day(start), sample.Count, sample.Select(s => s.Agent).Distinct(StringComparer.Ordinal).Count(), _options.SamplePercent);
            }
        }

        if (!drawnNow)
        {
            QaLog.AlreadyDrawn(logger, Day(start));
        }

        return (start, drawnNow, quality.ListWeek(start));
    }

    /// <summary>The review list of the week containing <paramref name="week"/> (by default the last complete week); empty until drawn.</summary>
    public (DateTimeOffset WeekStart, bool Drawn, IReadOnlyList<QaSampleRecord> Samples) List(DateOnly? week = null)
    {
        var start = Week(week);
        return (start, quality.IsDrawn(start), quality.ListWeek(start));
    }

    /// <summary>Scores a call on a scorecard with an answer for each of its questions, and queues the score for head office.</summary>
    /// <exception cref="QaException">NotFound (call or scorecard), Invalid (an answer), Conflict (already scored); nothing was stored.</exception>
    public QaScoreRecord Score(string callId, string scorecard, string reviewer, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            throw Refuse(QaFailure.Invalid, "a score needs the reviewer's name; nothing was stored");
        }

        var call = calls.Get(callId ?? "") ?? throw Refuse(QaFailure.NotFound, $"no call has id '{callId}'; nothing was stored");
        if (call.Agent is not { } agent)
        {
            throw Refuse(QaFailure.Invalid, $"call '{callId}' reached no agent, so there is nobody to score; nothing was stored");
        }

        var card = _options.Scorecards.FirstOrDefault(c => c.Name == scorecard)
            ?? throw Refuse(QaFailure.NotFound,
                $"no scorecard is called '{scorecard}' (known: {string.Join(", ", _options.Scorecards.Select(c => c.Name))}); nothing was stored");
        (IReadOnlyList<KeyValuePair<string, int>> Answers, double Total, bool Fatal) computed;
        try
        {
            computed = QaScoring.Compute(card, answers);
        }
        catch (QaException refused)
        {
            QaLog.Refused(logger, refused.Failure, refused.Message);
            throw;
        }

        var now = time.GetUtcNow();
        var score = new QaScoreRecord(
            "qa-" + callId + "-" + card.Name, call.Id, agent, card.Name, reviewer, computed.Answers, computed.Total, computed.Fatal, now);
        try
        {
            quality.InsertScore(score);
        }
        catch (StorageException stored) when (stored.Failure is StorageFailure.Conflict or StorageFailure.InvalidRecord)
        {
            throw Refuse(stored.Failure == StorageFailure.Conflict ? QaFailure.Conflict : QaFailure.Invalid, stored.Message);
        }

        QaLog.Scored(logger, score.Id, score.CallId, agent, card.Name, reviewer, score.Total, score.Fatal);
        return score;
    }

    /// <summary>A call with its scores.</summary>
    /// <exception cref="QaException">NotFound: no such call.</exception>
    public QaCallReview Show(string callId) =>
        calls.Get(callId ?? "") is { } call
            ? new QaCallReview(call, quality.ScoresOf(call.Id))
            : throw Refuse(QaFailure.NotFound, $"no call has id '{callId}'");

    private DateTimeOffset Week(DateOnly? week) =>
        week is { } day ? QaWeek.StartOf(day) : QaWeek.StartOf(time.GetUtcNow()).AddDays(-7);

    private static string Day(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private QaException Refuse(QaFailure failure, string reason)
    {
        QaLog.Refused(logger, failure, reason);
        return new QaException(failure, reason);
    }
}
