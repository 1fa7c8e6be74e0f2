using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>agent_states (migration 0006) and the caller history the screen pop reads.</summary>
public sealed class AgentStateAndCallerHistoryTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_saved_state_replaces_the_agents_previous_one_and_a_bad_batch_stores_nothing()
    {
        var states = new AgentStateRepository(_files.CreateMigrated());
        var at = _files.Time.GetUtcNow();
        states.Save([new AgentStateRecord("1001", true, "12", at), new AgentStateRecord("1002", false, null, at)]);
        states.Save([new AgentStateRecord("1001", true, null, at.AddMinutes(1))]);

        var refused = Assert.Throws<StorageException>(() =>
            states.Save([new AgentStateRecord("1002", true, null, at), new AgentStateRecord("1003", true, new string('9', 17), at)]));

        Assert.Equal(StorageFailure.InvalidRecord, refused.Failure);
        Assert.Contains("pause reason", refused.Message, StringComparison.Ordinal);
        Assert.Equal(
            [new AgentStateRecord("1001", true, null, at.AddMinutes(1)), new AgentStateRecord("1002", false, null, at)],
            states.List());
    }

    [Fact]
    public void Previous_calls_are_the_callers_own_newest_first_and_before_the_given_instant()
    {
        var database = _files.CreateMigrated();
        var calls = new CallRecordRepository(database);
        var start = _files.Time.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            calls.Insert(Call($"call-{i}", "13800138000", start.AddHours(i)));
        }

        calls.Insert(Call("call-other", "13700137000", start.AddHours(1)));

        var previous = new CallerHistoryRepository(database).PreviousCalls("13800138000", start.AddHours(3), 2);

        Assert.Equal(["call-2", "call-1"], previous.Select(c => c.Id));
    }

    private static CallRecord Call(string id, string number, DateTimeOffset start) =>
        new(id, 1, "analog", number, null, start, start, start.AddMinutes(2), "main", "general", "1001", "answered-by-agent", 1000, 60_000, "caller", null);
}
