using Appliance.HeadOffice.Branches;
using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Appliance.HeadOffice.Reports;

/// <summary>
/// Pulls a branch's KPIs and call records over the box's ReportService, presenting head office's key as metadata,
/// and follows ListCalls pages until the last one.
/// </summary>
public sealed class ReportPuller
{
    /// <summary>Calls fetched per ListCalls page.</summary>
    public const int PageSize = 500;

    // A branch answering with endless pages is broken; stop rather than loop forever.
    private const int MaxPages = 10_000;

    private readonly ReportService.ReportServiceClient _client;
    private readonly Metadata _headers;
    private readonly TimeSpan _callTimeout;

    public ReportPuller(ReportService.ReportServiceClient client, string headOfficeKey, TimeSpan callTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(headOfficeKey);
        _client = client;
        _headers = new Metadata { { BranchMetadata.HeadOfficeKeyKey, headOfficeKey } };
        _callTimeout = callTimeout;
    }

    /// <exception cref="RpcException">The branch refused or failed a call.</exception>
    /// <exception cref="InvalidOperationException">The branch's paging does not end.</exception>
    public async Task<BranchReport> PullAsync(
        string branchId, DateTimeOffset from, DateTimeOffset to, KpiInterval interval, CancellationToken cancellationToken)
    {
        var kpis = await _client.GetKpisAsync(new GetKpisRequest
        {
            From = Timestamp.FromDateTimeOffset(from),
            To = Timestamp.FromDateTimeOffset(to),
            Interval = interval,
        }, Call(cancellationToken));

        var calls = new List<CallRecord>();
        var token = string.Empty;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; ; page++)
        {
            if (page >= MaxPages || (token.Length > 0 && !seenTokens.Add(token)))
            {
                throw new InvalidOperationException($"Branch '{branchId}' keeps returning call pages (token '{token}'); giving up.");
            }

            var response = await _client.ListCallsAsync(new ListCallsRequest
            {
                From = Timestamp.FromDateTimeOffset(from),
                To = Timestamp.FromDateTimeOffset(to),
                PageSize = PageSize,
                PageToken = token,
            }, Call(cancellationToken));
            calls.AddRange(response.Calls);
            token = response.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }

        return new BranchReport(branchId, from, to, interval, kpis.Rows, calls);
    }

    // Grpc.Net.Client times deadlines on the system clock, so each call's deadline is taken from it too.
    private CallOptions Call(CancellationToken cancellationToken) =>
        new(_headers, DateTime.UtcNow + _callTimeout, cancellationToken);
}
