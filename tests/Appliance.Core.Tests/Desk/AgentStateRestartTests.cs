using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Persistence;
using Appliance.Core.Tests.Fakes;
using Appliance.Core.Tests.Agents;
using Appliance.Storage;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.Desk;

/// <summary>Agents' own choices are stored off the media loop and come back after a restart over the same database.</summary>
public sealed class AgentStateRestartTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("agent-restart-").FullName;
    private readonly ManualTimeProvider _time = new();
    private readonly ApplianceDatabase _database;

    public AgentStateRestartTests()
    {
        _database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, _time);
        _database.Migrate();
    }

    [Fact]
    public async Task Logged_out_and_paused_agents_come_back_so_and_an_agent_cut_off_mid_call_comes_back_ready()
    {
        var two = AgentFixture.Configuration();
        var config = new CallCenterConfiguration
        {
            Agents = [.. two.Agents, new AgentConfig { Id = "1003", Name = "Wang Fang", Extension = "1003", Simulated = new SimulatedPhone() }],
            PauseReasons = two.PauseReasons,
        };
        var directory = new ConfigurationSnapshot(config, 1);
        await using (var store = new BackgroundAgentChoiceStore(_database, NullLogger<BackgroundAgentChoiceStore>.Instance))
        {
            var roster = new AgentRoster(directory, new InMemoryJournal(), _time, store);
            roster.Restore(store.Load());
            roster.Apply("1001", AgentCommand.Pause, "12", "phone");
            roster.Apply("1002", AgentCommand.LogOut, null, "control");
            roster.Set("1003", AgentStatus.Ringing);
            roster.Set("1003", AgentStatus.OnCall);
            await store.FlushAsync();
        }

        // The box stops here: 1003 was on a call. A new process, the same database.
        _time.Advance(TimeSpan.FromMinutes(10));
        await using var restarted = new BackgroundAgentChoiceStore(_database, NullLogger<BackgroundAgentChoiceStore>.Instance);
        var journal = new InMemoryJournal();
        var again = new AgentRoster(directory, journal, _time, restarted);
        again.Restore(restarted.Load());

        Assert.Equal((AgentStatus.NotReady, "12"), (again.StatusOf("1001"), again.StateOf("1001")!.PauseReason));
        Assert.Equal(AgentStatus.LoggedOut, again.StatusOf("1002"));
        Assert.False(again.StateOf("1002")!.LoggedIn);
        Assert.Equal(AgentStatus.Available, again.StatusOf("1003"));
        Assert.Contains(journal.Events, e => e.Agent == "1002" && e.Kind == Journal.CallEventKinds.AgentLogoff && AgentFixture.Text(e, "cause") == "restart");
    }

    [Fact]
    public async Task A_pause_reason_no_longer_configured_comes_back_ready_and_an_unknown_agent_is_ignored()
    {
        var directory = new ConfigurationSnapshot(AgentFixture.Configuration(), 1);
        new AgentStateRepository(_database).Save(
        [
            new AgentStateRecord("1001", true, "77", _time.GetUtcNow()),
            new AgentStateRecord("9999", false, null, _time.GetUtcNow()),
        ]);
        await using var store = new BackgroundAgentChoiceStore(_database, NullLogger<BackgroundAgentChoiceStore>.Instance);
        var roster = new AgentRoster(directory, new InMemoryJournal(), _time, store);

        roster.Restore(store.Load());

        Assert.Equal(AgentStatus.Available, roster.StatusOf("1001"));
        Assert.Null(roster.StateOf("9999"));
    }

    [Fact]
    public async Task The_newest_choice_of_each_agent_is_what_is_stored()
    {
        var directory = new ConfigurationSnapshot(AgentFixture.Configuration(), 1);
        await using (var store = new BackgroundAgentChoiceStore(_database, NullLogger<BackgroundAgentChoiceStore>.Instance))
        {
            var roster = new AgentRoster(directory, new InMemoryJournal(), _time, store);
            roster.Apply("1001", AgentCommand.Pause, "1", "phone");
            roster.Apply("1001", AgentCommand.Pause, "12", "phone");
            roster.Apply("1001", AgentCommand.LogOut, null, "phone");
            roster.Apply("1001", AgentCommand.LogIn, null, "phone");
        }

        var stored = Assert.Single(new AgentStateRepository(_database).List());
        Assert.Equal(("1001", true, (string?)null), (stored.AgentId, stored.LoggedIn, stored.PauseReason));
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
