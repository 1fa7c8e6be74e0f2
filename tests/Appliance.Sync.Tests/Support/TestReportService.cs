using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Appliance.Sync.Tests.Support;

/// <summary>
/// A report service with small, checkable behaviour: one KPI row per requested queue; queue "block" waits until the
/// call is cancelled (for deadline tests); queue "boom" throws; WatchEvents streams <see cref="EventCount"/> events.
/// </summary>
internal sealed class TestReportService : ReportService.ReportServiceBase
{
    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls;

    public int EventCount { get; set; } = 3;

    /// <summary>Completes when a "block" call is waiting.</summary>
    public Task Blocked => _blocked.Task;

    /// <summary>Completes when a blocked call saw its cancellation.</summary>
    public Task Cancelled => _cancelled.Task;

    public DateTime? LastDeadline { get; private set; }

    public string? LastTraceHeader { get; private set; }

    public override async Task<GetKpisResponse> GetKpis(GetKpisRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref Calls);
        LastDeadline = context.Deadline;
        LastTraceHeader = context.RequestHeaders.GetValue("x-trace");
        if (request.QueueIds.Contains("block"))
        {
            _blocked.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            finally
            {
                _cancelled.TrySetResult();
            }
        }

        if (request.QueueIds.Contains("boom"))
        {
            throw new InvalidOperationException("secret internals");
        }

        if (request.QueueIds.Contains("refuse"))
        {
            context.ResponseTrailers.Add("x-reason", "demo");
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Queue 'refuse' is closed — 已关闭 100%"));
        }

        var response = new GetKpisResponse();
        var offered = 10;
        foreach (var queue in request.QueueIds)
        {
            response.Rows.Add(new KpiRow { QueueId = queue, Offered = offered++, Answered = 9, IntervalStart = request.From });
        }

        return response;
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<LiveEvent> writer, ServerCallContext context)
    {
        Interlocked.Increment(ref Calls);
        for (var i = 1; i <= EventCount; i++)
        {
            await writer.WriteAsync(new LiveEvent
            {
                OccurredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 9, 0, i, TimeSpan.Zero)),
                Call = new CallEvent { CallId = $"c{i}", Step = "offered", QueueId = request.QueueIds.FirstOrDefault() ?? string.Empty },
            });
        }

        if (request.QueueIds.Contains("fail-after"))
        {
            throw new RpcException(new Status(StatusCode.Aborted, "stream aborted after events"));
        }
    }
}
