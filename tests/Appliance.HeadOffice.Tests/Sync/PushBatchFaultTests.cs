using Appliance.HeadOffice.Tests.Support;
using Grpc.Core;

namespace Appliance.HeadOffice.Tests.Sync;

[Collection(PostgresCollection.Name)]
public sealed class PushBatchFaultTests(PostgresServer postgres) : EnrolledBranchTests(postgres)
{
    [Fact]
    public async Task A_batch_cut_in_the_middle_applies_nothing_and_its_retry_applies_everything_once()
    {
        var records = TestRecords.Mixed(0, 60).ToList();
        var reachedCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverReleased = new TaskCompletionSource();
        HeadOffice.Sync.Applier.BeforeCommit = async cancellationToken =>
        {
            reachedCommit.TrySetResult();
            await neverReleased.Task.WaitAsync(cancellationToken);
        };
        using var cut = new CancellationTokenSource();

        var push = HeadOffice.PushAsync("branch-1", Key, records, cut.Token);
        await reachedCommit.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cut.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => push);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM tickets"));

        HeadOffice.Sync.Applier.BeforeCommit = null;
        var retry = await HeadOffice.PushAsync("branch-1", Key, records);

        Assert.Equal(records.Select(r => r.IdempotencyKey), retry.AcknowledgedKeys);
        Assert.Equal(60, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(20, await HeadOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(20, await HeadOffice.CountAsync("SELECT COUNT(*) FROM call_summaries"));
    }

    [Fact]
    public async Task Concurrent_overlapping_batches_apply_every_record_exactly_once_and_each_is_fully_acknowledged()
    {
        // Eight batches of 150 starting 50 apart: every key is in up to three batches racing each other.
        var batches = Enumerable.Range(0, 8).Select(i => TestRecords.Mixed(i * 50, 150).ToList()).ToList();

        var responses = await Task.WhenAll(batches.Select(batch => HeadOffice.PushAsync("branch-1", Key, batch)));

        for (var i = 0; i < batches.Count; i++)
        {
            Assert.Equal(batches[i].Select(r => r.IdempotencyKey), responses[i].AcknowledgedKeys);
            Assert.Empty(responses[i].Rejected);
        }

        const int distinct = (7 * 50) + 150;
        Assert.Equal(distinct, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(i => i % 3 == 0), await HeadOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(i => i % 3 == 1), await HeadOffice.CountAsync("SELECT COUNT(*) FROM transactions"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(i => i % 3 == 2), await HeadOffice.CountAsync("SELECT COUNT(*) FROM call_summaries"));
    }
}
