namespace Appliance.Host.Control;

/// <summary>A score for <c>POST /v1/qa/scores</c>: the call, the scorecard, who scores, and an answer per question id.</summary>
public sealed record QaScoreRequest(string Call, string Scorecard, string Reviewer, IReadOnlyDictionary<string, int> Answers);
