using Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>A batch sorted into what can be applied and what this head office will never accept as sent.</summary>
internal sealed record ValidatedBatch(IReadOnlyList<IncomingRecord> Records, IReadOnlyList<RejectedRecord> Rejected);
