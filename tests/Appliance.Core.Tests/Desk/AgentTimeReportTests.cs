using Appliance.Core.Acd;
using Appliance.Core.Persistence;
using Appliance.Core.Reports;
using Appliance.Core.Tests.Agents;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.Desk;

/// <summary>Login time and occupancy computed from the agent state events a fixed scenario writes on the manual clock.</summary>
public sealed class AgentTimeReportTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("agent-time-").FullName;
    private readonly AgentFixture _agents = new();
    private readonly DateTimeOffset _start;

    public AgentTimeReportTests()
    {
        _start = _agents.Time.GetUtcNow();

        // Agent 1001, from the roster's start (available):
        //   +0    available  60 s
        //   +60   ringing    10 s
        //   +70   on call   120 s
        //   +190  wrap-up    30 s
        //   +220  available  40 s
        //   +260  paused "1" (break) 300 s
        //   +560  available  20 s
        //   +580  logged out until the end of the period at +680 (100 s)
        Step(60, r => r.Set("1001", AgentStatus.Ringing));
        Step(10, r => r.Set("1001", AgentStatus.OnCall));
        Step(120, r => r.Set("1001", AgentStatus.WrapUp));
        Step(30, r => r.Set("1001", AgentStatus.Available));
        Step(40, r => r.Apply("1001", AgentCommand.Pause, "1", "phone"));
        Step(300, r => r.Apply("1001", AgentCommand.Ready, null, "phone"));
        Step(20, r => r.Apply("1001", AgentCommand.LogOut, null, "phone"));
        _agents.Advance(100);
    }

    [Fact]
    public void The_whole_scenario_gives_the_hand_counted_times_and_occupancy()
    {
        var report = AgentTimeCalculator.Compute("1001", Records(), _start, _start.AddSeconds(680));

        // Available 60 + 40 + 20 = 120; login = 120 + 10 + 120 + 30 + 300 = 580 (the 100 s logged out do not count).
        Assert.Equal(TimeSpan.FromSeconds(120), report.Available);
        Assert.Equal(TimeSpan.FromSeconds(10), report.Ringing);
        Assert.Equal(TimeSpan.FromSeconds(120), report.OnCall);
        Assert.Equal(TimeSpan.FromSeconds(30), report.WrapUp);
        Assert.Equal(TimeSpan.FromSeconds(300), Assert.Single(report.NotReadyByReason, r => r.Key == "1").Value);
        Assert.Equal(TimeSpan.FromSeconds(580), report.LoginTime);

        // Occupancy = (120 + 30) / (120 + 30 + 120) = 150 / 270 = 0.5556.
        Assert.Equal(150.0 / 270.0, report.Occupancy!.Value, 6);
    }

    [Fact]
    public void A_period_that_starts_mid_state_takes_its_first_minutes_from_the_first_events_previous_state_and_duration()
    {
        // From +30 to +200, with no event before +30 given: the ringing event at +60 says "previous available, 60 s", so
        // 30 s of it fall in the period; then ringing 10, on call 120, wrap-up 10 (190 to 200). Occupancy 130 / 160.
        var from = _start.AddSeconds(30);
        var events = Records().Where(e => e.At >= from).ToList();

        var report = AgentTimeCalculator.Compute("1001", events, from, _start.AddSeconds(200));

        Assert.Equal((30.0, 10.0, 120.0, 10.0), (report.Available.TotalSeconds, report.Ringing.TotalSeconds, report.OnCall.TotalSeconds, report.WrapUp.TotalSeconds));
        Assert.Equal(170.0, report.LoginTime.TotalSeconds);
        Assert.Equal(130.0 / 160.0, report.Occupancy!.Value, 6);
    }

    [Fact]
    public void The_query_over_the_stored_event_log_uses_the_last_event_before_the_period()
    {
        using var database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, _agents.Time);
        database.Migrate();
        new StoredCallRecordStore(database).AppendEvents(_agents.Journal.Events);

        // From +250 to +600: available 10 (the event at +220 before the period says so), paused 300, available 20,
        // logged out 20. Login 330; occupancy 0 of 30 available seconds.
        var report = new AgentTimeQuery(database, _agents.Time).For("1001", _start.AddSeconds(250), _start.AddSeconds(600));

        Assert.Equal(30.0, report.Available.TotalSeconds);
        Assert.Equal(300.0, report.NotReadyByReason["1"].TotalSeconds);
        Assert.Equal(330.0, report.LoginTime.TotalSeconds);
        Assert.Equal(0.0, report.Occupancy);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AgentTimeCalculator.Compute("1001", Records(), _start, _start.AddSeconds(-1)));
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private void Step(double seconds, Action<AgentRoster> change)
    {
        _agents.Advance(seconds);
        change(_agents.Roster);
    }

    private List<CallEventRecord> Records() =>
        [.. _agents.Journal.Events.Where(e => e.Agent == "1001").Select(e => new CallEventRecord(e.At, e.CallId, e.Kind, e.Queue, e.Agent, e.Data))];
}
