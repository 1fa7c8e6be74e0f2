using Appliance.Core.Quality;

namespace Appliance.Core.Tests.Quality;

/// <summary>The weekly review list: N % of each agent's recorded calls, at random but reproducibly, drawn once per week.</summary>
public sealed class QaSamplingTests : IDisposable
{
    private readonly QaHarness _qa = new(percent: 10, seed: 7);

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void Each_agent_gets_ten_percent_of_their_recorded_calls_rounded_up()
    {
        _qa.MakeCalls("1001", 40);
        _qa.MakeCalls("1002", 11);
        _qa.MakeCalls("1003", 1);

        var (week, drawnNow, samples) = _qa.Service.Sample();

        Assert.Equal(QaHarness.Week, week); // the last complete week
        Assert.True(drawnNow);
        var perAgent = samples.GroupBy(s => s.Agent).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["1001"] = 4, ["1002"] = 2, ["1003"] = 1 }, perAgent);
        Assert.All(samples, s => Assert.Equal($"rec-{s.CallId}", s.RecordingId)); // only recorded calls: never -norec or -menu
        Assert.Equal(samples.Count, samples.Select(s => s.CallId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_draws_the_same_calls_and_another_seed_other_calls()
    {
        _qa.MakeCalls("1001", 40);
        var first = Draw(seed: 7);

        using var again = new QaHarness(percent: 10, seed: 7);
        again.MakeCalls("1001", 40);
        using var other = new QaHarness(percent: 10, seed: 8);
        other.MakeCalls("1001", 40);

        Assert.Equal(first, again.Service.Sample().Samples.Select(s => s.CallId));
        Assert.NotEqual(first, other.Service.Sample().Samples.Select(s => s.CallId));
        Assert.NotEqual(first, Enumerable.Range(0, 4).Select(i => $"1001-{i:D3}")); // not simply the first calls
    }

    [Fact]
    public void A_week_is_drawn_once_even_after_a_restart_with_another_seed_and_new_calls()
    {
        _qa.MakeCalls("1001", 40);
        var first = Draw(seed: 7);

        _qa.NewService(seed: 99); // the box restarted
        _qa.MakeCalls("1004", 5);
        var (_, drawnNow, samples) = _qa.Service.Sample(DateOnly.FromDateTime(QaHarness.Week.AddDays(3).UtcDateTime));

        Assert.False(drawnNow);
        Assert.Equal(first, samples.Select(s => s.CallId));
        Assert.Equal(first, _qa.Service.List().Samples.Select(s => s.CallId));
    }

    [Fact]
    public void A_week_not_over_yet_is_refused_and_nothing_is_drawn()
    {
        _qa.MakeCalls("1001", 10);

        var refused = Assert.Throws<QaException>(() => _qa.Service.Sample(DateOnly.FromDateTime(_qa.Time.GetUtcNow().UtcDateTime)));

        Assert.Equal(QaFailure.Invalid, refused.Failure);
        Assert.Contains("is not over yet", refused.Message, StringComparison.Ordinal);
        Assert.False(_qa.Service.List(DateOnly.FromDateTime(_qa.Time.GetUtcNow().UtcDateTime)).Drawn);
    }

    [Fact]
    public void Listing_a_week_not_drawn_shows_nothing_and_does_not_draw_it()
    {
        _qa.MakeCalls("1001", 10);

        var (_, drawn, samples) = _qa.Service.List();

        Assert.False(drawn);
        Assert.Empty(samples);
        Assert.True(_qa.Service.Sample().DrawnNow);
    }

    private List<string> Draw(int seed)
    {
        _qa.NewService(seed);
        return [.. _qa.Service.Sample().Samples.Select(s => s.CallId)];
    }
}
