using System.Globalization;
using System.Text.Json;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Core.Tests.Queues;
using Appliance.Telephony.Channels;
using Xunit.Abstractions;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Announcements;

/// <summary>
/// The expected-wait forecast against what happened: a generated call log (Poisson arrivals, exponential handling
/// times, three agents at about 84 % load) replayed through the real ACD on the manual clock. Each caller's forecast at
/// entry (ENTERQUEUE's ewt) is compared with the wait they then had.
/// </summary>
public sealed class ForecastReplayTests(ITestOutputHelper output)
{
    private const int Callers = 150;
    private const int Agents = 3;
    private static readonly TimeSpan MeanArrivalGap = TimeSpan.FromSeconds(13.5);
    private static readonly TimeSpan MeanTalk = TimeSpan.FromSeconds(30);

    // An agent's time per call: the talk, a second of ringing (the simulated phones answer after 1 s), 3 s of wrap-up.
    private static readonly double MeanHandlingSeconds = MeanTalk.TotalSeconds + 1 + 3;

    [Fact]
    public void Forecast_error_on_a_replayed_log_stays_within_the_noise_of_the_handling_times()
    {
        var log = GenerateLog(new Random(20261205));
        using var scenario = new AcdScenario(
            [new QueueConfig { Name = "general", Strategy = QueueStrategyNames.LongestIdle, Members = Members("a1", "a2", "a3"), WrapUpSeconds = 3, MaxWaitSeconds = 0 }],
            [Agent("a1", talkSeconds: 0), Agent("a2", talkSeconds: 0), Agent("a3", talkSeconds: 0)]);
        var start = scenario.Time.GetUtcNow();
        var pending = new List<(FakeCallerChannel Caller, TimeSpan Talk)>();
        var next = 0;
        while (next < log.Count || pending.Count > 0)
        {
            var now = scenario.Time.GetUtcNow() - start;
            if (next < log.Count && log[next].Arrival <= now)
            {
                pending.Add((scenario.Call(), log[next++].Talk));
            }

            // Each caller hangs up their handling time after they were connected.
            foreach (var (caller, talk) in pending.ToList())
            {
                if (scenario.Session(caller).ConnectedAt is { } connected && scenario.Time.GetUtcNow() - connected >= talk)
                {
                    caller.CallerHangsUp();
                    pending.RemoveAll(p => p.Caller == caller);
                }
            }

            scenario.Run(TimeSpan.FromMilliseconds(20));
            Assert.True(now < TimeSpan.FromHours(3), "the replay did not finish");
        }

        var pairs = scenario.Events(CallEventKinds.EnterQueue)
            .Select(e => (e.CallId, Ewt: JsonDocument.Parse(e.Data!).RootElement.GetProperty("ewt")))
            .Where(e => e.Ewt.ValueKind == JsonValueKind.Number)
            .Select(e => (Forecast: e.Ewt.GetDouble(), Actual: Actual(scenario, e.CallId)))
            .ToList();
        var errors = pairs.Select(p => p.Forecast - p.Actual).ToList();
        var mae = errors.Average(Math.Abs);
        var bias = errors.Average();
        var meanWait = pairs.Average(p => p.Actual);

        // The noise no forecast can remove: with exponential handling times the k-th agent to free up comes after a sum
        // of k exponential gaps of mean h/n, whose standard deviation is √k·h/n; a forecast of exactly the right mean
        // still misses it by about √(2/π) ≈ 0.8 of that on average. k is what the forecast itself counted (ewt·n/h).
        var floor = pairs.Average(p => 0.8 * Math.Sqrt(Math.Max(1, p.Forecast * Agents / MeanHandlingSeconds)) * MeanHandlingSeconds / Agents);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecasts: {pairs.Count} of {Callers} callers; mean wait {meanWait:F1} s; MAE {mae:F1} s; bias {bias:+0.0;-0.0} s; noise floor {floor:F1} s"));

        // Every caller after the first few handled calls gets a forecast (the first callers find no history).
        Assert.InRange(pairs.Count, Callers - 10, Callers);

        // The bound: the forecast is unbiased (its mean error within 10 % of the mean wait) and its mean absolute error at
        // most 1.3 times the noise floor: what is left over is the moving average's own error in h (20 samples of an
        // exponential: ±22 %) and the callers' arrivals and hang-ups it cannot know.
        Assert.InRange(bias, -0.1 * meanWait, 0.1 * meanWait);
        Assert.InRange(mae, 0, 1.3 * floor);
    }

    private static double Actual(AcdScenario scenario, string callId) =>
        scenario.Harness.Journal.Events.Where(e => e.CallId == callId && e.Kind == CallEventKinds.Connect)
            .Select(e => JsonDocument.Parse(e.Data!).RootElement.GetProperty("holdtime").GetDouble()).Single();

    private static List<(TimeSpan Arrival, TimeSpan Talk)> GenerateLog(Random random)
    {
        var log = new List<(TimeSpan, TimeSpan)>(Callers);
        var at = TimeSpan.FromSeconds(1);
        for (var i = 0; i < Callers; i++)
        {
            at += Exponential(random, MeanArrivalGap);
            log.Add((at, TimeSpan.FromSeconds(Math.Max(1, Math.Round(Exponential(random, MeanTalk).TotalSeconds)))));
        }

        return log;
    }

    private static TimeSpan Exponential(Random random, TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());
}
