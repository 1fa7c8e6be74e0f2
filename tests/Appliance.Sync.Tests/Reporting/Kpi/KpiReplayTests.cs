using System.Globalization;
using Appliance.Storage;
using Appliance.Sync.Reporting;
using Appliance.Sync.Reporting.Kpi;
using Appliance.Sync.Tests.Outbox;
using Appliance.Sync.Tests.Support;

namespace Appliance.Sync.Tests.Reporting.Kpi;

/// <summary>
/// Folds the published event log <c>kpi-replay.log</c> and checks every figure against the table computed by hand below
/// (T = 20 s, short abandon &lt; 5 s, service level formula: abandons against).
/// </summary>
public sealed class KpiReplayTests : IDisposable
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NineFifteen = Nine.AddMinutes(15);
    private readonly OutboxHarness _box = new();
    private readonly ReportServiceOptions _options = new() { ServiceLevelThresholdSeconds = 20, ShortAbandonThresholdSeconds = 5 };

    public void Dispose() => _box.Dispose();

    private static List<CallEventRecord> Log()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reporting", "Kpi", "kpi-replay.log");
        return File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('|')).Select(f =>
            new CallEventRecord(Nine.AddSeconds(double.Parse(f[0], CultureInfo.InvariantCulture)), Empty(f[1]), f[2], Empty(f[3]), Empty(f[4]), Empty(f[5])))
            .ToList();
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private IReadOnlyList<KpiFigures> Report(bool byQueue, bool byAgent) =>
        TestKpis.Reporter(_box.Database, new FixedTime(Nine.AddHours(1)))
            .Report(new KpiReportQuery(Nine, Nine.AddMinutes(30), TimeSpan.FromMinutes(15), byQueue, byAgent, [], []), _options);

    [Fact]
    public void Queue_rows_match_the_hand_computed_table()
    {
        new EventLogRepository(_box.Database).Append(Log());

        var rows = Report(byQueue: true, byAgent: false);

        Assert.Equal([(Nine, "loans"), (NineFifteen, "loans")], rows.Select(r => (r.IntervalStart, r.Queue)));
        var nine = rows[0];
        // c1..c5 entered in 09:00 (c5 at 09:14:40 though it ended at 09:16:40); c4 counts once although transferred.
        Assert.Equal((5L, 3L, 2L, 1L, 2L), (nine.Offered, nine.Answered, nine.Abandoned, nine.ShortAbandoned, nine.AnsweredWithinThreshold));
        Assert.Equal(0.4, nine.ServiceLevel, 9);                      // 2 within 20 s (c1 10 s, c5 15 s; c4 25 s is not) / (3 + 2)
        Assert.Equal(0.4, nine.ServiceLevelWithShortAbandons, 9);     // 2 / (3 + 2)
        Assert.Equal(0.5, nine.ServiceLevelWithoutShortAbandons, 9);  // 2 / (3 + 2 - the 4 s abandon)
        Assert.Equal(0.25, nine.AbandonRate, 9);                      // (2 - 1) / (5 - 1)
        Assert.Equal(TimeSpan.FromMilliseconds(16_667), nine.AverageSpeedOfAnswer); // (10 + 25 + 15) / 3
        Assert.Equal(TimeSpan.FromSeconds(16.8), nine.AverageWait);                 // (10 + 25 + 15 + 4 + 30) / 5
        Assert.Equal(3L, nine.Handled);
        Assert.Equal(TimeSpan.FromSeconds(120), nine.AverageTalkTime);              // (120 - 30 hold + 165 + 105) / 3
        Assert.Equal(TimeSpan.FromSeconds(10), nine.AverageHoldTime);               // 30 / 3
        Assert.Equal(TimeSpan.FromMilliseconds(16_667), nine.AfterCallWork);        // (30 + 20 + 0) / 3
        Assert.Equal(TimeSpan.FromMilliseconds(146_667), nine.AverageHandlingTime); // (360 + 30 + 50) / 3
        Assert.Equal(1L, nine.Transferred);
        Assert.Equal((1L, 4.0), (nine.SurveyResponses, nine.SurveyAverage));        // c1's score 9 is not a 1-5 score
        Assert.Equal(5 * 146.667 / 900, nine.OfferedLoadErlangs, 6);
        Assert.Equal(3, nine.AgentsNeeded);                                        // Erlang C: 2 agents give 79.9 % in 20 s
        var quarter = rows[1];
        Assert.Equal((1L, 1L, 1.0, 1L), (quarter.Offered, quarter.Answered, quarter.ServiceLevel, quarter.Handled));
        Assert.Equal(TimeSpan.FromSeconds(75), quarter.AverageHandlingTime);        // 60 talk + 15 wrap-up
        Assert.Equal((1L, 5.0), (quarter.SurveyResponses, quarter.SurveyAverage));
        Assert.Equal((0L, 1L, 1L), (quarter.CallbacksRequested, quarter.CallbacksMade, quarter.CallbacksKept)); // cb1: 2 attempts, 1 callback
        Assert.Equal(1, quarter.AgentsNeeded);
    }

    [Fact]
    public void Agent_rows_carry_calls_they_completed_login_time_and_occupancy()
    {
        new EventLogRepository(_box.Database).Append(Log());

        var rows = Report(byQueue: false, byAgent: true).ToDictionary(r => (r.IntervalStart, r.Agent));

        var a1 = rows[(Nine, "a1")];
        // c1 and the transferred c4 (a1 completed it); a2 answered c4 first but only c5 is a2's.
        Assert.Equal((2L, 2L, 1L), (a1.Answered, a1.Handled, a1.Transferred));
        Assert.Equal(TimeSpan.FromMinutes(15), a1.LoginTime);
        Assert.Equal(270.0 / 900, a1.Occupancy, 9);     // on call 120 + 100, wrap-up 30 + 20; available 630
        var a2 = rows[(Nine, "a2")];
        Assert.Equal((1L, 1L), (a2.Answered, a2.Handled));
        Assert.Equal(65.0 / 900, a2.Occupancy, 9);      // on call 60 (c4) + 5 (c5 until 09:15)
        var a1Later = rows[(NineFifteen, "a1")];
        Assert.Equal(75.0 / 900, a1Later.Occupancy, 9); // c6: 60 on call + 15 wrap-up
    }

    [Fact]
    public void Folding_the_log_in_two_runs_gives_the_same_table_as_in_one()
    {
        var log = Log();
        var events = new EventLogRepository(_box.Database);
        using var whole = new OutboxHarness();
        new EventLogRepository(whole.Database).Append(log);
        var expected = TestKpis.Reporter(whole.Database, new FixedTime(Nine.AddHours(1)))
            .Report(new KpiReportQuery(Nine, Nine.AddMinutes(30), TimeSpan.FromMinutes(15), true, false, [], []), _options);

        // Cut inside c4's transfer and c1's wrap-up accounting: half the calls are open when the first run folds.
        events.Append(log.Take(20).ToList());
        Report(byQueue: true, byAgent: false);
        events.Append(log.Skip(20).ToList());
        var rows = Report(byQueue: true, byAgent: false);

        Assert.Equal(expected, rows);
    }

    [Fact]
    public void First_contact_resolution_counts_tickets_closed_within_the_window_of_their_call()
    {
        new EventLogRepository(_box.Database).Append(Log());
        // Tickets from 09:00's calls; the repository stamps them with the harness clock.
        At(Nine.AddMinutes(2));
        var onTheCall = _box.Tickets.Create(new TicketRecord("t1", "BR001", "card-fee", "new", CallId: "c1"));
        var worked = _box.Tickets.Create(new TicketRecord("t4", "BR001", "service", "new", CallId: "c4"));
        var open = _box.Tickets.Create(new TicketRecord("t5", "BR001", "loan", "new", CallId: "c5"));
        _box.Tickets.Create(new TicketRecord("t0", "BR001", "loan", "new"));   // no call: not in FCR at all
        At(Nine.AddMinutes(50));                             // 48 min after creation: inside the 60 min window
        _box.Tickets.Update(onTheCall with { Status = "resolved" });
        At(Nine.AddHours(3));                                // resolved, but hours later: not on first contact
        _box.Tickets.Update(worked with { Status = "closed" });

        var nine = Report(byQueue: true, byAgent: false)[0];

        Assert.Equal(3L, nine.TicketsOpened);
        Assert.Equal(1.0 / 3, nine.FirstContactResolution, 9);                // t1 only; t4 too late, t5 still new
        Assert.Equal("new", _box.Tickets.Get(open.Id)!.Status);
    }

    private void At(DateTimeOffset instant) => _box.Time.Advance(instant - _box.Time.GetUtcNow());

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
