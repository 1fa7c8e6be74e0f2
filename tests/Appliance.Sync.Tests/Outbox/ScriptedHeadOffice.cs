using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox;
using Grpc.Core;

namespace Appliance.Sync.Tests.Outbox;

/// <summary>
/// An in-process head office whose answers a test scripts: fail (unreachable / refuse), acknowledge part of a batch,
/// reject keys. Applies each key once and counts every time a key arrives.
/// </summary>
internal sealed class ScriptedHeadOffice(TimeProvider time) : IHeadOfficeSyncClient
{
    public Queue<Func<PushBatchRequest, PushBatchResponse>> Script { get; } = new();

    public List<PushBatchRequest> Received { get; } = [];

    public List<DateTimeOffset> CalledAt { get; } = [];

    public Dictionary<string, int> Applied { get; } = new(StringComparer.Ordinal);

    public static PushBatchResponse AcknowledgeAll(PushBatchRequest request, ScriptedHeadOffice office)
    {
        var response = new PushBatchResponse();
        foreach (var record in request.Records)
        {
            office.Applied[record.IdempotencyKey] = office.Applied.GetValueOrDefault(record.IdempotencyKey) + 1;
            response.AcknowledgedKeys.Add(record.IdempotencyKey);
        }

        return response;
    }

    public static Func<PushBatchRequest, PushBatchResponse> Unreachable() =>
        _ => throw new HttpRequestException("Connection refused (127.0.0.1:1)");

    public static Func<PushBatchRequest, PushBatchResponse> Refuse(StatusCode code) =>
        _ => throw new RpcException(new Status(code, "refused by the script"));

    public Task<PushBatchResponse> PushAsync(PushBatchRequest request, CancellationToken cancellationToken)
    {
        Received.Add(request.Clone());
        CalledAt.Add(time.GetUtcNow());
        var step = Script.Count > 0 ? Script.Dequeue() : r => AcknowledgeAll(r, this);
        return Task.FromResult(step(request));
    }
}
