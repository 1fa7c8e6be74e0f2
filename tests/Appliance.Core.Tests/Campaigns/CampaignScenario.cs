using System.Text.Json;
using Appliance.Core.Campaigns;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Queues;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Campaigns;

/// <summary>
/// A campaign dialler over the real ACD on the manual clock: one queue "general" with the agents given (simulated
/// phones that talk 30 s, longer than a customer rings), customers dialled as "test:NUMBER" whose behaviour a test sets per number.
/// </summary>
internal sealed class CampaignScenario : IDisposable
{
    public CampaignScenario(ICampaignStore store, DateTimeOffset? start = null, params string[] agents)
    {
        string[] members = agents.Length == 0 ? ["1001"] : agents;
        Acd = new AcdScenario(
            [new QueueConfig { Name = "general", WrapUpSeconds = 0, Members = Members(members) }],
            [.. members.Select(a => Agent(a, talkSeconds: 30))],
            start: start);
        Dialler = new CampaignDialler(Acd.Harness.Clock, Acd.Harness.Acd, Acd.Harness.Directory, store, Acd.Harness.Journal, NullLogger<CampaignDialler>.Instance);
    }

    public AcdScenario Acd { get; }

    public CampaignDialler Dialler { get; }

    public DateTimeOffset Now => Acd.Time.GetUtcNow();

    /// <summary>Sets how a customer's phone behaves: "busy=2000", "answer=never", "answer=1000".</summary>
    public void Customer(string number, string behaviour) => Acd.Harness.Phones.Behaviours[number] = behaviour;

    public void Restore(CampaignRecord campaign, IReadOnlyList<CampaignContactRecord> contacts, params string[] doNotCall)
    {
        Acd.Harness.Clock.Post(() => Dialler.Restore([campaign], _ => contacts, doNotCall.ToHashSet()));
        Acd.Run(TimeSpan.FromMilliseconds(40));
    }

    public void Suspend()
    {
        Acd.Harness.Clock.Post(Dialler.Suspend);
        Acd.Run(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>
    /// Steps the clock until <paramref name="condition"/> holds; a conversation's recording is closed by a background
    /// task, so each step first waits (in real time, bounded) for the disk rather than letting virtual time run ahead.
    /// </summary>
    public bool RunUntil(Func<bool> condition, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < limit; elapsed += TimeSpan.FromMilliseconds(100))
        {
            if (condition())
            {
                return true;
            }

            Assert.True(Acd.Harness.Recordings.WhenClosedRecordingsWritten().Wait(TimeSpan.FromSeconds(10)), "a recording was not written");
            Acd.Run(TimeSpan.FromMilliseconds(100));
        }

        return condition();
    }

    public int Dialled(string number) => Acd.Harness.Phones.Dialed.Count(p => p.Endpoint == number);

    /// <summary>When each attempt at the contact on <paramref name="line"/> ended, with its outcome.</summary>
    public List<(DateTimeOffset At, string Outcome)> Attempts(int line) =>
    [
        .. Acd.Events(CallEventKinds.CampaignAttempt)
            .Select(e => (e.At, Data: JsonDocument.Parse(e.Data!).RootElement))
            .Where(e => e.Data.GetProperty("line").GetInt32() == line)
            .Select(e => (e.At, e.Data.GetProperty("outcome").GetString()!)),
    ];

    public static CampaignRecord Campaign(DateTimeOffset created, int hoursFrom = 0, int hoursTo = 1440) =>
        new("spring", "general", "progressive", hoursFrom, hoursTo, 3, 60, 120, 30, 10, "test:{number}", "running", created);

    public static CampaignContactRecord Contact(string number, int line, DateTimeOffset at) => new("spring", number, "customer " + line, line, 0, at, null, null, false);

    public void Dispose() => Acd.Dispose();
}
