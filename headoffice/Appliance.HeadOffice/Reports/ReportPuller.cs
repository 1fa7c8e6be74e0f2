using Appliance.HeadOffice.Branches;
using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Grpc;
using Google.Protobuf.WellKnownTypes;

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

    private readonly GrpcClient _client;
    private readonly string _headOfficeKey;
    private readonly TimeProvider _time;
    private readonly TimeSpan _callTimeout;

    public ReportPuller(GrpcClient client, string headOfficeKey, TimeProvider time, TimeSpan callTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(headOfficeKey);
        _client = client;
        _headOfficeKey = headOfficeKey;
        _time = time;
        _callTimeout = callTimeout;
    }

    /// <exception cref="RpcException">The branch refused or failed a call.</exception>
    /// <exception cref="InvalidOperationException">The branch's paging does not end.</exception>
    public async Task<BranchReport> PullAsync(
        string branchId, DateTimeOffset from, DateTimeOffset to, KpiInterval interval, CancellationToken cancellationToken)
    {
        var kpis = await _client.UnaryAsync<GetKpisRequest, GetKpisResponse>(ReportServiceContract.GetKpis, new GetKpisRequest
        {
            From = Timestamp.FromDateTimeOffset(from),
            To = Timestamp.FromDateTimeOffset(to),
            Interval = interval,
        }, CallOptions(cancellationToken));

        var calls = new List<CallRecord>();
        var token = string.Empty;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; ; page++)
        {
            if (page >= MaxPages || (token.Length > 0 && !seenTokens.Add(token)))
            {
                throw new InvalidOperationException($"Branch '{branchId}' keeps returning call pages (token '{token}'); giving up.");
            }

            var response = await _client.UnaryAsync<ListCallsRequest, ListCallsResponse>(ReportServiceContract.ListCalls, new ListCallsRequest
            {
                From = Timestamp.FromDateTimeOffset(from),
                To = Timestamp.FromDateTimeOffset(to),
                PageSize = PageSize,
                PageToken = token,
            }, CallOptions(cancellationToken));
            calls.AddRange(response.Calls);
            token = response.NextPageToken;
            if (token.Length == 0)
            {
                break;
            }
        }

        return new BranchReport(branchId, from, to, interval, kpis.Rows, calls);
    }

    private GrpcCallOptions CallOptions(CancellationToken cancellationToken)
    {
        var headers = new GrpcMetadata();
        headers.Add(BranchMetadata.HeadOfficeKeyKey, _headOfficeKey);
        return new GrpcCallOptions { Headers = headers, Deadline = _time.GetUtcNow() + _callTimeout, CancellationToken = cancellationToken };
    }
}
