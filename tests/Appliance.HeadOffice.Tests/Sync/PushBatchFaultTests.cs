using Appliance.HeadOffice.Tests.Support;
using Grpc.Core;

namespace Appliance.HeadOffice.Tests.Sync;

[Collection(PostgresCollection.Name)]
public sealed class PushBatchFaultTests(PostgresServer postgres) : IAsyncLifetime
{
    private HeadOfficeHarness _headOffice = null!;
    private string _key = string.Empty;

    public async Task InitializeAsync()
    {
        _headOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync());
        _key = await _headOffice.EnrolAsync("branch-1");
    }

    public async Task DisposeAsync() => await _headOffice.DisposeAsync();

    [Fact]
    public async Task A_batch_cut_in_the_middle_applies_nothing_and_its_retry_applies_everything_once()
    {
        var records = TestRecords.Mixed(0, 60).ToList();
        var reachedCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverReleased = new TaskCompletionSource();
        _headOffice.Sync.Applier.BeforeCommit = async cancellationToken =>
        {
            reachedCommit.TrySetResult();
            await neverReleased.Task.WaitAsync(cancellationToken);
        };
        using var cut = new CancellationTokenSource();

        var push = _headOffice.PushAsync("branch-1", _key, records, cut.Token);
        await reachedCommit.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cut.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => push);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal(0, await _headOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(0, await _headOffice.CountAsync("SELECT COUNT(*) FROM tickets"));

        _headOffice.Sync.Applier.BeforeCommit = null;
        var retry = await _headOffice.PushAsync("branch-1", _key, records);

        Assert.Equal(records.Select(r => r.IdempotencyKey), retry.AcknowledgedKeys);
        Assert.Equal(60, await _headOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(20, await _headOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(20, await _headOffice.CountAsync("SELECT COUNT(*) FROM call_summaries"));
    }

    [Fact]
    public async Task Concurrent_overlapping_batches_apply_every_record_exactly_once_and_each_is_fully_acknowledged()
    {
        // Eight batches of 150 starting 50 apart: every key is in up to three batches racing each other.
        var batches = Enumerable.Range(0, 8).Select(i => TestRecords.Mixed(i * 50, 150).ToList()).ToList();

        var responses = await Task.WhenAll(batches.Select(batch => _headOffice.PushAsync("branch-1", _key, batch)));

        for (var i = 0; i < batches.Count; i++)
        {
            Assert.Equal(batches[i].Select(r => r.IdempotencyKey), responses[i].AcknowledgedKeys);
            Assert.Empty(responses[i].Rejected);
        }

        const int distinct = (7 * 50) + 150;
        Assert.Equal(distinct, await _headOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(i => i % 3 == 0), await _headOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(i => i % 3 == 1), await _headOffice.CountAsync("SELECT COUNT(*) FROM transactions"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(i => i % 3 == 2), await _headOffice.CountAsync("SELECT COUNT(*) FROM call_summaries"));
    }
}
