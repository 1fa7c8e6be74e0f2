using Appliance.Sync.Contracts.Report.V1;

namespace Appliance.HeadOffice.Reports;

/// <summary>What <c>report pull</c> fetched from one branch for one time range.</summary>
public sealed record BranchReport(
    string BranchId, DateTimeOffset From, DateTimeOffset To, KpiInterval Interval, IReadOnlyList<KpiRow> Kpis, IReadOnlyList<CallRecord> Calls);
