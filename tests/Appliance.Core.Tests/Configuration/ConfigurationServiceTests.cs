using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Journal;
using Appliance.Storage;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.Configuration;

/// <summary>The configuration in force on a real SQLite database: load, apply, refuse, and a change during a live call.</summary>
public sealed class ConfigurationServiceTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("config-service-").FullName;
    private readonly ApplianceDatabase _database;

    public ConfigurationServiceTests()
    {
        _database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, new ManualTimeProvider());
        _database.Migrate();
    }

    [Fact]
    public void An_empty_box_stores_its_initial_configuration_once()
    {
        var first = Service();
        first.Load(SampleConfiguration.Branch);
        var again = Service();
        again.Load(() => throw new InvalidOperationException("a configured box must not ask for an initial one"));

        Assert.Equal((1L, 1L), (first.Version, again.Version));
        Assert.Equal(first.Document, again.Document);
        Assert.Equal("initial", new ConfigurationVersionRepository(_database).Latest()!.Source);
    }

    [Fact]
    public void A_refused_document_leaves_the_version_in_force_and_the_database_as_they_were()
    {
        var service = Service();
        service.Load(SampleConfiguration.Branch);
        var before = new ConfigurationVersionRepository(_database).Latest();
        var broken = SampleConfiguration.Branch() with { Queues = [.. SampleConfiguration.Branch().Queues.Select(q => q with { Strategy = "nope" })] };

        var result = service.Apply(broken, "test");

        Assert.False(result.Accepted);
        Assert.Equal(["queues[cards].skill", "queues[cards].strategy", "queues[general].strategy"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(1, service.Version);
        Assert.Equal(before, new ConfigurationVersionRepository(_database).Latest());
        Assert.Equal(QueueStrategyNames.RingAll, service.Current.Configuration.Queues[0].Strategy);
    }

    [Fact]
    public void The_same_document_again_makes_no_new_version_and_a_changed_one_does()
    {
        var service = Service();
        service.Load(SampleConfiguration.Branch);
        var changes = new List<long>();
        service.Changed += s => changes.Add(s.Version);

        var same = service.Apply(service.Document, "test");
        var changed = service.Apply(SampleConfiguration.Branch() with { VipCallers = [] }, "test");

        Assert.Equal((false, 1L), (same.Changed, same.Version));
        Assert.Equal((true, 2L), (changed.Changed, changed.Version));
        Assert.Equal([2L], changes);
        Assert.Equal(0, service.VipPriority("13800138000"));
    }

    [Fact]
    public void Agents_are_mirrored_with_their_phone_credentials_kept_until_the_extension_changes()
    {
        var service = Service();
        service.Load(SampleConfiguration.Branch);
        var credentials = new SipCredentialRepository(_database);
        credentials.Set("1001", "branch", new string('a', 32), new string('b', 64), DateTimeOffset.UnixEpoch);
        credentials.Set("1002", "branch", new string('c', 32), new string('d', 64), DateTimeOffset.UnixEpoch);
        var agents = SampleConfiguration.Branch().Agents;

        service.Apply(SampleConfiguration.Branch() with { Agents = [agents[0] with { Name = "Li Na (team lead)" }, agents[1] with { Extension = "2002" }, agents[2]] }, "rename");

        Assert.Equal("1001", credentials.GetByExtension("1001")?.AgentId);
        Assert.Null(credentials.GetByExtension("2002"));
        Assert.Equal("Li Na (team lead)", new AgentRepository(_database).Get("1001")!.Name);

        service.Apply(SampleConfiguration.Branch() with
        {
            Agents = [agents[1], agents[2]],
            Queues = [SampleConfiguration.Branch().Queues[0] with { Members = [new QueueMember { Agent = "1002" }] }, SampleConfiguration.Branch().Queues[1]],
        }, "remove 1001");
        Assert.Null(new AgentRepository(_database).Get("1001"));
    }

    [Fact]
    public void A_box_configured_in_tables_is_converted_into_its_first_version()
    {
        new AgentRepository(_database).Upsert(new AgentRecord("1001", "Li Na", "1001", Simulated: true, SimAnswerAfterMilliseconds: 2000, SimTalkToneHz: 1400));
        new QueueRepository(_database).Upsert(new QueueRecord("general", QueueStrategies.RingAll, 20, 120, 10, 20, [new QueueMemberRecord("1001", 0)]));
        new MenuRepository(_database).Upsert(new MenuRecord("main", "greeting", "menu", "invalid", "timeout", "goodbye", 5, 3,
            [new MenuOptionRecord('1', "queue:general"), new MenuOptionRecord('2', "repeat"), new MenuOptionRecord('9', "hangup")]));
        new LineRepository(_database).Upsert(new LineRecord(2, "PSTN 2", "main"));
        var service = Service();

        service.Load(() => throw new InvalidOperationException("the tables must be converted instead"));

        Assert.Equal(1, service.Version);
        Assert.Equal("converted from tables", new ConfigurationVersionRepository(_database).Latest()!.Source);
        Assert.Equal("main", service.EntryPointForLine(2)?.Menu);
        var menu = Assert.IsType<MenuNode>(service.Menu("main")!.Nodes.Single(n => n.Id == "menu"));
        Assert.Equal([("1", "queue-general"), ("2", "menu"), ("9", "goodbye")], menu.Keys.Select(k => (k.Key, k.Next!)));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120), "1001"), (service.Queue("general")!.RingTimeout, service.Queue("general")!.MaxWait, service.Queue("general")!.AgentIds.Single()));
        Assert.StartsWith("sim:1001;answer=2000;tone=1400", service.Agent("1001")!.DialString, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_applied_during_a_live_call_keeps_the_call_and_the_next_call_follows_the_new_menu()
    {
        var service = Service();
        service.Load(() => ConfiguredFlowTests.SimulatedAgents(SampleConfiguration.Branch()));
        using var harness = new CallCenterHarness(service, new ManualTimeProvider(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero)));
        var first = harness.Call();
        harness.Run(TimeSpan.FromSeconds(1));
        first.Press('2'); // English; now in the root menu

        var main = SampleConfiguration.MainMenu();
        var root = (MenuNode)main.Nodes.Single(n => n.Id == "root");
        var changed = service.Apply(ConfiguredFlowTests.SimulatedAgents(SampleConfiguration.Branch()) with
        {
            Menus = [main with { Nodes = [.. main.Nodes.Select(n => n.Id == "root" ? root with { Keys = [SampleConfiguration.Key("3", "to-general"), SampleConfiguration.Key("9", "bye")] } : n)] }, .. SampleConfiguration.Branch().Menus.Skip(1)],
        }, "during a call");
        Assert.True(changed.Changed);

        harness.Run(TimeSpan.FromSeconds(1));
        first.Press('2'); // still a key of the menu this call is in
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        var second = harness.Call();
        harness.Run(TimeSpan.FromSeconds(1));
        second.Press('2');
        harness.Run(TimeSpan.FromSeconds(1));
        second.Press('3'); // only in the new version
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Count(c => c.Queue == "general") == 2, TimeSpan.FromSeconds(30)));
        first.CallerHangsUp();
        second.CallerHangsUp();
        var outcomes = new[] { harness.WaitForFinished(1).Detail, harness.WaitForFinished(2).Detail }.Select(d => d.Outcome).Order().ToList();
        Assert.Equal([CallOutcome.Abandoned, CallOutcome.AnsweredByAgent], outcomes);
    }

    public void Dispose()
    {
        _database.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private ConfigurationService Service() => new(_database, ConfigurationEnvironment.None, NullLogger<ConfigurationService>.Instance);
}
