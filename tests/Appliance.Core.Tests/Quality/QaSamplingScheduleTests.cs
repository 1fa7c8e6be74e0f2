using System.Threading.Channels;
using Appliance.Core.Quality;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.Quality;

/// <summary>The weekly review list drawn by itself on the clock: once per week, after the week ends, across restarts.</summary>
public sealed class QaSamplingScheduleTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Sunday 2026-01-11 20:00 UTC: the last evening of the week the calls are made in.
    private readonly QaHarness _qa = new(percent: 10, seed: 7, now: QaHarness.Week.AddDays(6).AddHours(20));
    private readonly Channel<(DateTimeOffset Week, bool DrawnNow)> _checks = Channel.CreateUnbounded<(DateTimeOffset, bool)>();

    public void Dispose() => _qa.Dispose();

    [Fact]
    public async Task The_week_is_drawn_once_two_hours_after_it_ends_and_a_restart_that_week_draws_nothing_new()
    {
        _qa.MakeCalls("1001", 40);
        _qa.MakeCalls("1002", 11);
        using var stop = new CancellationTokenSource();
        var loop = Schedule(new QualityOptions { AutoSampleDelayMinutes = 120 }).RunAsync(stop.Token);

        // At start: the week before is due (and empty); the calls' week is not over.
        Assert.Equal((QaHarness.Week.AddDays(-7), true), await NextCheck());
        Assert.False(_qa.Service.List(DateOnly.FromDateTime(QaHarness.Week.UtcDateTime)).Drawn);

        _qa.Time.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(59)); // Monday 01:59
        Assert.False(_checks.Reader.TryRead(out _));
        Assert.False(_qa.Service.List().Drawn);

        _qa.Time.Advance(TimeSpan.FromMinutes(1)); // Monday 02:00
        Assert.Equal((QaHarness.Week, true), await NextCheck());
        var (week, drawn, samples) = _qa.Service.List();
        Assert.Equal(QaHarness.Week, week);
        Assert.True(drawn);
        Assert.Equal(new Dictionary<string, int> { ["1001"] = 4, ["1002"] = 2 }, samples.GroupBy(s => s.Agent).ToDictionary(g => g.Key, g => g.Count()));

        _qa.Time.Advance(TimeSpan.FromDays(6)); // up to the Sunday: nothing more is due
        Assert.False(_checks.Reader.TryRead(out _));
        await stop.CancelAsync();
        await loop.WaitAsync(Wait);

        // The box restarts the same week, with another seed and calls stored late: the list stays as it was.
        _qa.NewService(seed: 99);
        _qa.MakeCalls("1003", 5);
        using var stopAgain = new CancellationTokenSource();
        var restarted = Schedule(new QualityOptions { AutoSampleDelayMinutes = 120 }).RunAsync(stopAgain.Token);
        Assert.Equal((QaHarness.Week, false), await NextCheck());
        Assert.Equal(samples, _qa.Service.List().Samples);

        await stopAgain.CancelAsync();
        await restarted.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_box_that_was_off_on_monday_draws_the_last_week_when_it_starts()
    {
        using var late = new QaHarness(percent: 10, seed: 7); // the Tuesday after the calls' week
        late.MakeCalls("1001", 40);
        using var stop = new CancellationTokenSource();
        var schedule = new QaSamplingSchedule(late.Service, Microsoft.Extensions.Options.Options.Create(new QualityOptions()), late.Time,
            NullLogger<QaSamplingSchedule>.Instance);
        schedule.Checked += (week, drawnNow) => _checks.Writer.TryWrite((week, drawnNow));
        var loop = schedule.RunAsync(stop.Token);

        Assert.Equal((QaHarness.Week, true), await NextCheck());
        Assert.Equal(4, late.Service.List().Samples.Count);

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_failed_draw_is_logged_and_tried_again_fifteen_minutes_later()
    {
        _qa.MakeCalls("1001", 40);
        _qa.Time.Advance(TimeSpan.FromHours(6)); // Monday 02:00: the week is due
        Rename("qa_sample_weeks", "qa_sample_weeks_away"); // the draw cannot read or write its table
        var logger = new Fakes.RecordingLogger<QaSamplingSchedule>();
        using var stop = new CancellationTokenSource();
        var schedule = new QaSamplingSchedule(_qa.Service, Microsoft.Extensions.Options.Options.Create(new QualityOptions()), _qa.Time, logger);
        schedule.Checked += (week, drawnNow) => _checks.Writer.TryWrite((week, drawnNow));
        var loop = schedule.RunAsync(stop.Token);

        Assert.Equal((QaHarness.Week, false), await NextCheck());
        var failed = Assert.Single(logger.Entries, e => e.EventId == 3404);
        Assert.Contains("week of 2026-01-05", failed.Message, StringComparison.Ordinal);
        Rename("qa_sample_weeks_away", "qa_sample_weeks");

        _qa.Time.Advance(QaSamplingSchedule.RetryAfter - TimeSpan.FromSeconds(1));
        Assert.False(_checks.Reader.TryRead(out _));
        _qa.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((QaHarness.Week, true), await NextCheck());
        Assert.Equal(4, _qa.Service.List().Samples.Count);

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task With_auto_sample_off_nothing_is_drawn_and_the_loop_ends_at_once()
    {
        _qa.MakeCalls("1001", 40);
        _qa.Time.Advance(TimeSpan.FromDays(1));

        await Schedule(new QualityOptions { AutoSample = false }).RunAsync(CancellationToken.None).WaitAsync(Wait);

        Assert.False(_checks.Reader.TryRead(out _));
        Assert.False(_qa.Service.List().Drawn);
        Assert.Equal(0, _qa.Time.ActiveTimerCount);
    }

    private void Rename(string table, string to)
    {
        using var connection = _qa.Database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {table} RENAME TO {to};";
        command.ExecuteNonQuery();
    }

    private QaSamplingSchedule Schedule(QualityOptions options)
    {
        options.SamplePercent = _qa.Percent;
        var schedule = new QaSamplingSchedule(_qa.Service, Microsoft.Extensions.Options.Options.Create(options), _qa.Time,
            NullLogger<QaSamplingSchedule>.Instance);
        schedule.Checked += (week, drawnNow) => _checks.Writer.TryWrite((week, drawnNow));
        return schedule;
    }

    private async Task<(DateTimeOffset, bool)> NextCheck() => await _checks.Reader.ReadAsync().AsTask().WaitAsync(Wait);
}
