using System.Net;
using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Host.Cli.Verbs;
using Appliance.Host.Cli;
using Appliance.Host.Composition;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;
using Appliance.Sip.Auth;
using Appliance.Sip.Registrar;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Agents;

/// <summary>
/// <c>appliance agent login|logout|ready|pause|list</c> through the control socket to the real <see cref="AgentDesk"/>
/// and <see cref="AgentRoster"/> on a running media clock, over a stored configuration with pause reasons.
/// </summary>
public sealed class AgentVerbsTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _store = new();
    private readonly ListJournal _journal = new();
    private MediaClock _clock = null!;
    private ApplianceDatabase _database = null!;
    private AgentRoster _roster = null!;
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync()
    {
        _database = new ApplianceDatabase(_store.File("appliance.db"), NullLogger<ApplianceDatabase>.Instance, new ManualTimeProvider());
        _database.Migrate();
        var configuration = new ConfigurationService(_database, new ConfigurationEnvironment(), NullLogger<ConfigurationService>.Instance);
        configuration.Load(() => new CallCenterConfiguration
        {
            Agents =
            [
                new AgentConfig { Id = "1001", Name = "Li Wei", Extension = "1001", Simulated = new SimulatedPhone() },
                new AgentConfig { Id = "1002", Name = "Chen Jing", Extension = "1002" },
            ],
            PauseReasons = [new PauseReasonConfig { Code = "1", Name = "break" }, new PauseReasonConfig { Code = "2", Name = "lunch" }],
        });

        // A real media loop: the desk's requests are answered on its next 20 ms tick.
        _clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        _roster = new AgentRoster(configuration, _journal, TimeProvider.System);
        var challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions()), TimeProvider.System);
        var registrar = new SipRegistrar(Options.Create(new SipRegistrarOptions()), challenger, TimeProvider.System, (_, _) => null);
        var desk = new AgentDesk(_clock, _roster, configuration, registrar);
        _clock.Start();
        _appliance = await InProcessAppliance.StartAsync(_data, services => services.AddSingleton<IAgentDesk>(desk));
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _clock.Dispose();
        _database.Dispose();
        _data.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task Pause_with_a_reason_then_ready_change_the_agent_and_say_so()
    {
        var paused = await CliRun.InvokeAsync(["agent", "pause", "--data", _data.Path, "--agent", "1001", "--reason", "2"]);

        Assert.Equal(ExitCodes.Ok, paused.ExitCode);
        Assert.Equal("agent 1001: notready (2 lunch)", paused.Output.Trim());
        Assert.Equal(AgentStatus.NotReady, await OnLoop(() => _roster.StatusOf("1001")));
        Assert.Contains(_journal.Events, e => e.Kind == CallEventKinds.Pause && e.Agent == "1001");

        var ready = await CliRun.InvokeAsync(["agent", "ready", "--data", _data.Path, "--agent", "1001"]);

        Assert.Equal(ExitCodes.Ok, ready.ExitCode);
        Assert.Equal("agent 1001: available", ready.Output.Trim());
    }

    [Fact]
    public async Task Logout_and_login_from_the_CLI()
    {
        var logout = await CliRun.InvokeAsync(["agent", "logout", "--data", _data.Path, "--agent", "1002"]);
        Assert.Equal((ExitCodes.Ok, AgentStatus.LoggedOut), (logout.ExitCode, await OnLoop(() => _roster.StatusOf("1002"))));

        var login = await CliRun.InvokeAsync(["agent", "login", "--data", _data.Path, "--agent", "1002"]);
        Assert.Equal((ExitCodes.Ok, AgentStatus.Available), (login.ExitCode, await OnLoop(() => _roster.StatusOf("1002"))));
    }

    [Theory]
    [InlineData("9999", "1", "agent: there is no agent '9999'")]
    [InlineData("1001", "7", "reason: '7' is not a configured pause reason (configured: 1 break, 2 lunch)")]
    public async Task A_bad_agent_or_reason_exits_2_naming_it_and_changes_nothing(string agent, string reason, string message)
    {
        var before = await OnLoop(_roster.States);
        var events = _journal.Events.Count;

        var result = await CliRun.InvokeAsync(["agent", "pause", "--data", _data.Path, "--agent", agent, "--reason", reason]);

        Assert.Equal(AgentStateVerbs.BadAgentOrReason, result.ExitCode);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
        Assert.Equal(before, await OnLoop(_roster.States));
        Assert.Equal(events, _journal.Events.Count);
    }

    [Theory]
    [InlineData("dance", null, "command: 'dance' is not login, logout, ready or pause")]
    [InlineData("pause", null, "reason: pause needs a pause reason code")]
    [InlineData("login", "1", "reason: only pause takes a reason, not login")]
    public async Task The_control_API_refuses_a_bad_command_or_reason_with_400(string command, string? reason, string message)
    {
        var error = await Assert.ThrowsAsync<ControlRequestException>(() => _appliance.Client.SetAgentStateAsync("1001", new AgentStateRequest(command, reason)));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(message, error.Message);
        Assert.Equal(AgentStatus.Available, await OnLoop(() => _roster.StatusOf("1001")));
    }

    [Fact]
    public async Task List_shows_every_agent_with_state_reason_since_and_registered_phones()
    {
        await CliRun.InvokeAsync(["agent", "pause", "--data", _data.Path, "--agent", "1002", "--reason", "1"]);

        var agents = await _appliance.Client.ListAgentsAsync();
        var listed = await CliRun.InvokeAsync(["agent", "list", "--data", _data.Path]);

        Assert.Equal(["1001", "1002"], agents.Select(a => a.Id));
        var paused = agents[1];
        Assert.Equal(("notready", "1", "break", true, 0), (paused.Status, paused.Reason, paused.ReasonName, paused.LoggedIn, paused.RegisteredContacts));
        Assert.InRange(paused.SecondsInState, 0, 60);
        Assert.Equal(ExitCodes.Ok, listed.ExitCode);
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("AGENT", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^1001\s+available\s+-\s", lines[1]);
        Assert.Matches(@"^1002\s+notready\s+1 break\s", lines[2]);
    }

    private Task<T> OnLoop<T>(Func<T> read) => _clock.InvokeAsync(read);

    private sealed class ListJournal : ICallJournal
    {
        private readonly List<CallEvent> _events = [];

        public IReadOnlyList<CallEvent> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public void Append(CallEvent callEvent)
        {
            lock (_events)
            {
                _events.Add(callEvent);
            }
        }

        public Task CompleteCallAsync(CallDetail detail) => Task.CompletedTask;
    }
}
