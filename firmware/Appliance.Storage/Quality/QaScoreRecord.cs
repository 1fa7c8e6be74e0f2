namespace Appliance.Storage.Quality;

/// <summary>A reviewer's score of one call against one scorecard, with the total computed from the answers.</summary>
/// <param name="Id">The score's id.</param>
/// <param name="CallId">The call scored.</param>
/// <param name="Agent">The agent who handled the call.</param>
/// <param name="Scorecard">The scorecard's name.</param>
/// <param name="Reviewer">Who scored it.</param>
/// <param name="Answers">Question id → the value given, in the scorecard's order.</param>
/// <param name="Total">0–100, weighted; 0 when a fatal question was answered no.</param>
/// <param name="Fatal">Whether a fatal question was answered no.</param>
/// <param name="ScoredAt">When it was stored.</param>
public sealed record QaScoreRecord(
    string Id, string CallId, string Agent, string Scorecard, string Reviewer, IReadOnlyList<KeyValuePair<string, int>> Answers,
    double Total, bool Fatal, DateTimeOffset ScoredAt);
