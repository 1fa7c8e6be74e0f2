using Appliance.Storage;

namespace Appliance.Core.Tests.Recordings;

public sealed class RecordingRetentionTests : IDisposable
{
    private readonly RecordingArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task Purge_deletes_expired_files_and_rows_by_queue_retention_in_batches_and_keeps_the_chain_verifiable()
    {
        _archive.SetRetention("loans", 90);
        var expired = Enumerable.Range(1, 7).Select(i => _archive.AddCall($"old-{i}", "cards", 31)).ToList();
        var young = _archive.AddCall("young", "cards", 29);
        var loans = _archive.AddCall("loans-60", "loans", 60);

        var purged = await _archive.Purge().PurgeExpiredAsync(CancellationToken.None);

        Assert.Equal(7, purged); // three batches of at most 3
        Assert.All(expired, path => Assert.False(File.Exists(path), path));
        Assert.True(File.Exists(young));
        Assert.True(File.Exists(loans));
        var recordings = new RecordingRepository(_archive.Database);
        Assert.Null(recordings.Get("old-1"));
        Assert.NotNull(recordings.Get("loans-60"));
        Assert.Equal(7, _archive.Compliance.ReadChain().Count(l => l.Kind == RecordingChainEntry.PurgeKind));
        Assert.True(_archive.Verify().Intact, string.Join("; ", _archive.Verify().Findings));
    }

    [Fact]
    public async Task Time_passing_on_the_clock_expires_what_was_young()
    {
        var path = _archive.AddCall("call-1", null, 0);
        Assert.Equal(0, await _archive.Purge().PurgeExpiredAsync(CancellationToken.None));

        _archive.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        Assert.Equal(1, await _archive.Purge().PurgeExpiredAsync(CancellationToken.None));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_recording_under_legal_hold_is_never_purged_until_released()
    {
        var held = _archive.AddCall("held", "cards", 400);
        _archive.AddCall("other", "cards", 400);
        _archive.Compliance.Hold("held", _archive.Clock.GetUtcNow());

        Assert.Equal(1, await _archive.Purge().PurgeExpiredAsync(CancellationToken.None));
        Assert.True(File.Exists(held));
        Assert.NotNull(new RecordingRepository(_archive.Database).Get("held"));

        _archive.Compliance.Release("held");
        Assert.Equal(1, await _archive.Purge().PurgeExpiredAsync(CancellationToken.None));
        Assert.False(File.Exists(held));
    }

    [Fact]
    public async Task The_scheduled_purge_runs_at_start_and_again_each_interval_on_the_clock()
    {
        _archive.Options.PurgeIntervalMinutes = 60;
        var path = _archive.AddCall("call-1", null, 30 - (30.0 / 1440)); // expires in 30 minutes
        var purge = _archive.Purge();
        var runs = System.Threading.Channels.Channel.CreateUnbounded<int>();
        purge.RunCompleted += n => runs.Writer.TryWrite(n);
        using var stop = new CancellationTokenSource();
        var loop = purge.RunAsync(stop.Token);

        Assert.Equal(0, await runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        _archive.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(runs.Reader.TryRead(out _));
        _archive.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(File.Exists(path));

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
