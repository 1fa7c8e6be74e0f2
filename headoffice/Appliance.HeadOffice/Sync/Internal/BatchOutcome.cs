using Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>What one committed batch did: keys now durably applied (new or earlier), how many were new, and refusals.</summary>
internal sealed record BatchOutcome(IReadOnlyList<string> Acknowledged, int NewlyApplied, IReadOnlyList<RejectedRecord> Rejected);
