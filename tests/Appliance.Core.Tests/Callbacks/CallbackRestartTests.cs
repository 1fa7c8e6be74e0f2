using Appliance.Core.Acd;
using Appliance.Core.Acd.Callbacks;
using Appliance.Core.Journal;
using Appliance.Core.Persistence;
using Appliance.Core.Tests.Fakes;
using Appliance.Core.Tests.Queues;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static Appliance.Core.Tests.Callbacks.CallbackFlowTests;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Callbacks;

/// <summary>Pending callbacks survive a restart: a new ACD over the same SQLite file has them in their places, attempts counted.</summary>
public sealed class CallbackRestartTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "callbacks-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public void A_restart_in_the_middle_keeps_the_place_and_counts_the_attempt_that_was_being_dialled()
    {
        DateTimeOffset stoppedAt;
        string firstId;
        using (var database = Open())
        {
            // Before the restart: two callers ask for callbacks; the first one's customer is ringing when the box stops.
            using var before = new AcdScenario([Queue("test:{number};answer=never")], [Agent("1001", talkSeconds: 10)], callbacks: Callbacks(database, new InMemoryJournal()));
            before.Set("1001", AgentStatus.NotReady);
            var first = before.Call(number: "13900000001");
            var second = before.Call(number: "13900000002");
            before.Run(TimeSpan.FromSeconds(1));
            AskForCallback(before, first);
            AskForCallback(before, second);
            before.Set("1001", AgentStatus.Available);
            CustomerDialled(before, "13900000001");
            before.Run(TimeSpan.FromSeconds(5));

            before.Harness.Clock.Post(before.Harness.Acd.SuspendCallbacks);
            before.Run(TimeSpan.FromMilliseconds(100));
            stoppedAt = before.Time.GetUtcNow();
            firstId = Data(before.EventsOf(first).Single(e => e.Kind == CallEventKinds.CallbackRequested)).GetProperty("callback").GetString()!;
        }

        using (var database = Open())
        {
            var store = new StoredCallbackStore(database);
            var pending = store.LoadPending();
            Assert.Equal([("13900000001", 1, true), ("13900000002", 0, false)], pending.Select(p => (p.Number, p.Attempts, p.Dialling)));

            // After: a new ACD over the same file, whose customer answers; a caller who rings now comes after both.
            var journal = new InMemoryJournal();
            using var after = new AcdScenario([Queue()], [Agent("1001", talkSeconds: 5)], callbacks: Callbacks(database, journal), start: stoppedAt + TimeSpan.FromSeconds(30));
            after.Set("1001", AgentStatus.NotReady);
            after.Harness.Clock.Post(() => after.Harness.Acd.RestoreCallbacks(pending));
            var newcomer = after.Call(number: "13900000003");
            after.Set("1001", AgentStatus.Available);

            // Restored callbacks write to the journal they were given (the host gives the one every call writes to).
            IEnumerable<CallEvent> Connected() => journal.Events.Where(e => e.Kind == CallEventKinds.CallbackConnected);
            Assert.True(after.Time.AdvanceUntil(() => Connected().Count() == 2, TimeSpan.FromSeconds(60)), "the callbacks were not connected");
            var connected = Connected().ToList();
            Assert.Equal([(firstId, 2), (connected[1].CallId, 1)], connected.Select(c => (c.CallId, Data(c).GetProperty("attempt").GetInt32())));
            Assert.Equal(["13900000001", "13900000002"], after.Harness.Phones.Dialed.Select(p => p.Endpoint).Take(2));
            Assert.Null(after.Session(newcomer).Agent);
            Assert.Equal("1001", after.Connected(newcomer, withinSeconds: 30));

            StepUntil(after, () => journal.Calls.Count(c => c.Outcome == CallOutcome.CallbackConnected) == 2, TimeSpan.FromSeconds(30));
            Assert.Equal(2, journal.Calls.Single(c => c.CallId == firstId).CallbackAttempts);
            Assert.Empty(store.LoadPending());
            Assert.Equal("connected", new CallbackRepository(database).OutcomeOf(firstId));
        }
    }

    [Fact]
    public async Task The_background_store_writes_off_the_caller_in_order_and_reads_back()
    {
        using var database = Open();
        using var store = new BackgroundCallbackStore(new StoredCallbackStore(database), NullLogger<BackgroundCallbackStore>.Instance);
        var callback = new PendingCallback("cb-1", "call-1", "general", "13900000001", "zh", 3, Monday, Monday.AddSeconds(5)) { RetryAt = Monday };

        store.Save(callback);
        store.Save(callback with { Attempts = 1, Dialling = true });
        store.Save(callback with { Attempts = 1, RetryAt = Monday.AddMinutes(1) });
        await store.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var loaded = Assert.Single(store.LoadPending());
        Assert.Equal(callback with { Attempts = 1, RetryAt = Monday.AddMinutes(1) }, loaded);
        store.Close("cb-1", "failed", Monday.AddMinutes(5));
        await store.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(store.LoadPending());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static AcdCallbacks Callbacks(ApplianceDatabase database, ICallJournal journal) => new(new StoredCallbackStore(database), journal);

    private ApplianceDatabase Open()
    {
        var database = new ApplianceDatabase(_path, NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        database.Migrate();
        return database;
    }
}
