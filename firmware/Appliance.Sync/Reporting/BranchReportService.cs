using System.Globalization;
using Appliance.Storage;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Reporting.Internal;
using Appliance.Sync.Reporting.Kpi;
using Appliance.Sync.Reporting.Kpi.Internal;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StoredCall = Appliance.Storage.CallRecord;
using WireCall = Appliance.Sync.Contracts.Report.V1.CallRecord;
using WireCallEvent = Appliance.Sync.Contracts.Report.V1.CallEvent;

namespace Appliance.Sync.Reporting;

/// <summary>
/// The box's <c>appliance.report.v1.ReportService</c> for head office: KPIs computed from the event log, call records by
/// time range, and live events streamed as they are logged. Served by <see cref="ReportServer"/>.
/// </summary>
public sealed class BranchReportService : ReportService.ReportServiceBase
{
    private readonly EventLogRepository _events;
    private readonly CallRecordRepository _calls;
    private readonly ReportServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly KpiReporter _kpis;

    public BranchReportService(
        EventLogRepository events, CallRecordRepository calls, KpiReporter kpis, IOptions<ReportServiceOptions> options,
        TimeProvider timeProvider, ILogger<BranchReportService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _calls = calls ?? throw new ArgumentNullException(nameof(calls));
        _options = options.Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _kpis = kpis ?? throw new ArgumentNullException(nameof(kpis));
    }

    /// <summary>Test seam: told the log position a new watch starts after, once it has read it.</summary>
    internal Action<long>? WatchStarted { get; set; }

    /// <summary>For the health service: whether the event log every answer comes from can be read.</summary>
    internal HealthCheckResult CheckEventLog()
    {
        try
        {
            _events.LastSeq();
            return HealthCheckResult.Healthy();
        }
        catch (StorageException error)
        {
            return HealthCheckResult.Unhealthy("The event log cannot be read.", error);
        }
    }

    /// <summary>KPIs per interval, split by queue and/or agent when the request names them.</summary>
    public override Task<GetKpisResponse> GetKpis(GetKpisRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = Range(request.From, request.To);
        if (request.Interval == KpiInterval.Unspecified || !System.Enum.IsDefined(request.Interval))
        {
            throw Invalid("interval must be QUARTER_HOUR, HOUR, DAY or WEEK");
        }

        if (!System.Enum.IsDefined(request.GroupBy))
        {
            throw Invalid("group_by must be NONE, QUEUE, AGENT or QUEUE_AND_AGENT");
        }

        var queues = request.QueueIds.ToHashSet(StringComparer.Ordinal);
        var agents = request.AgentIds.ToHashSet(StringComparer.Ordinal);
        var (byQueue, byAgent) = request.GroupBy switch
        {
            KpiGroupBy.None => (false, false),
            KpiGroupBy.Queue => (true, false),
            KpiGroupBy.Agent => (false, true),
            KpiGroupBy.QueueAndAgent => (true, true),
            _ => (queues.Count > 0, agents.Count > 0),
        };
        var rows = _kpis.Report(new KpiReportQuery(from, to, KpiIntervals.Length(request.Interval), byQueue, byAgent, queues, agents), _options)
            .Select(KpiWire.ToRow).ToList();
        ReportLog.KpisServed(_logger, from, to, request.Interval.ToString(), rows.Count);
        var response = new GetKpisResponse();
        response.Rows.AddRange(rows);
        return Task.FromResult(response);
    }

    /// <summary>Call records that started in [from, to), oldest first, a page at a time.</summary>
    public override Task<ListCallsResponse> ListCalls(ListCallsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = Range(request.From, request.To);
        if (request.PageSize < 0 || request.PageSize > _options.MaxPageSize)
        {
            throw Invalid(
                string.Create(CultureInfo.InvariantCulture, $"page_size must be between 0 and {_options.MaxPageSize}"));
        }

        var size = request.PageSize == 0 ? _options.DefaultPageSize : request.PageSize;
        var offset = 0;
        if (request.PageToken.Length > 0
            && (!int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 10_000_000))
        {
            throw Invalid("page_token is not one this service issued");
        }

        var page = _calls.List(from, to, offset + size + 1).Skip(offset).ToList();
        var response = new ListCallsResponse();
        response.Calls.AddRange(page.Take(size).Select(ToWire));
        if (page.Count > size)
        {
            response.NextPageToken = (offset + size).ToString(CultureInfo.InvariantCulture);
        }

        return Task.FromResult(response);
    }

    /// <summary>Streams events logged from now on (optionally only for some queues) until the caller goes away.</summary>
    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<LiveEvent> stream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        var queues = request.QueueIds.ToHashSet(StringComparer.Ordinal);
        var cursor = _events.LastSeq();
        ReportLog.WatchStarted(_logger, context.Peer, cursor);
        WatchStarted?.Invoke(cursor);
        var poll = TimeSpan.FromSeconds(_options.WatchPollIntervalSeconds);
        try
        {
            while (!context.CancellationToken.IsCancellationRequested)
            {
                var batch = _events.ReadAfter(cursor, 500);
                foreach (var e in batch)
                {
                    cursor = e.Seq;
                    if (ToLive(e, queues) is { } live)
                    {
                        await stream.WriteAsync(live, context.CancellationToken);
                    }
                }

                if (batch.Count < 500)
                {
                    await Task.Delay(poll, _time, context.CancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller left or its deadline passed: Grpc.AspNetCore reports that status.
        }
    }

    private (DateTimeOffset From, DateTimeOffset To) Range(Timestamp? from, Timestamp? to)
    {
        if (from is null || to is null)
        {
            throw Invalid("from and to are required");
        }

        DateTimeOffset start, end;
        try
        {
            start = from.ToDateTimeOffset();
            end = to.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw Invalid("from and to must be valid timestamps");
        }

        if (end <= start)
        {
            throw Invalid("to must be after from");
        }

        if (end - start > TimeSpan.FromDays(_options.MaxRangeDays))
        {
            throw Invalid(
                string.Create(CultureInfo.InvariantCulture, $"the range may span at most {_options.MaxRangeDays} days"));
        }

        return (start, end);
    }

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private static WireCall ToWire(StoredCall call) => new()
    {
        CallId = call.Id,
        CallerNumber = call.CallerNumber ?? string.Empty,
        LineId = call.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        QueueId = call.Queue ?? string.Empty,
        AgentId = call.Agent ?? string.Empty,
        StartedAt = Timestamp.FromDateTimeOffset(call.StartedAt),
        AnsweredAt = call.AnsweredAt is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
        EndedAt = call.EndedAt is { } ended ? Timestamp.FromDateTimeOffset(ended) : null,
        Disposition = call.Outcome switch
        {
            "answered-by-agent" => CallDisposition.Answered,
            "abandoned" or "queue-timeout" => CallDisposition.Abandoned,
            "ended-in-menu" => CallDisposition.SelfService,
            "failed" => CallDisposition.Failed,
            _ => CallDisposition.Unspecified,
        },
        RecordingId = call.RecordingId ?? string.Empty,
    };

    private static LiveEvent? ToLive(CallEventRecord e, HashSet<string> queues)
    {
        var at = Timestamp.FromDateTimeOffset(e.At);
        if (e.Kind == "AGENT_STATE")
        {
            return new LiveEvent { OccurredAt = at, AgentState = new AgentStateEvent { AgentId = e.Agent ?? string.Empty, State = AgentState(e.Data) } };
        }

        // Agent-only events (AGENTLOGIN, PAUSE…) carry no call: AGENT_STATE above already tells the live view.
        if (e.CallId is null or "NONE" || (queues.Count > 0 && (e.Queue is null || !queues.Contains(e.Queue))))
        {
            return null;
        }

        var step = e.Kind switch
        {
            "ENTERQUEUE" => "offered",
            "CONNECT" => "answered",
            "ABANDON" or "EXITWITHTIMEOUT" => "abandoned",
            "CALL_END" => "ended",
            _ => e.Kind.ToLowerInvariant(),
        };
        return new LiveEvent { OccurredAt = at, Call = new WireCallEvent { CallId = e.CallId, Step = step, QueueId = e.Queue ?? string.Empty, AgentId = e.Agent ?? string.Empty } };
    }

    // The status field only: the event also names the previous state, which must not be mistaken for the new one.
    private static string AgentState(string? data) =>
        StatusField(data) switch
        {
            "available" => "ready",
            "notready" => "not_ready",
            "oncall" => "talking",
            "wrapup" => "wrap_up",
            "ringing" => "ringing",
            "loggedout" => "logged_out",
            _ => "unknown",
        };

    private static string? StatusField(string? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(data);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == System.Text.Json.JsonValueKind.String
                ? status.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
