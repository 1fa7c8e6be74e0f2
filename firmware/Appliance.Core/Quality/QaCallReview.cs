using Appliance.Storage;
using Appliance.Storage.Quality;

namespace Appliance.Core.Quality;

/// <summary>One call as a reviewer sees it: its record and the scores it has.</summary>
public sealed record QaCallReview(CallRecord Call, IReadOnlyList<QaScoreRecord> Scores);
