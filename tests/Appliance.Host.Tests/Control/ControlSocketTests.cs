using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Appliance.Host.Cli;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Control;

public sealed class ControlSocketTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly FakeCallRunner _runner = new();
    private readonly ManualTimeProvider _time = new();
    private int _lineStatusReads;
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync()
    {
        _appliance = await InProcessAppliance.StartAsync(_data, services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<ISimulatedCallRunner>(_runner);
            services.AddSingleton<IStatusSection>(new FakeStatusSection("lines", () => new { total = 4, busy = ++_lineStatusReads }));
            services.AddSingleton<IStatusSection>(new FakeStatusSection("queues", () => throw new InvalidOperationException("queue table locked")));
        });
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Status_reports_process_facts_uptime_from_the_time_provider_and_every_section()
    {
        _time.Advance(TimeSpan.FromSeconds(90));

        using var status = JsonDocument.Parse(await _appliance.Client.GetStatusJsonAsync());

        var root = status.RootElement;
        Assert.Equal(VersionInfo.Current.Version, root.GetProperty("version").GetString());
        Assert.Equal(90, root.GetProperty("uptimeSeconds").GetDouble());
        Assert.Equal(_data.Path, root.GetProperty("dataDirectory").GetString());
        Assert.Equal(Environment.ProcessId, root.GetProperty("processId").GetInt32());
        var lines = root.GetProperty("sections").GetProperty("lines");
        Assert.Equal(4, lines.GetProperty("total").GetInt32());
        Assert.Equal(1, lines.GetProperty("busy").GetInt32());

        // A failing section reports its error instead of taking the whole status down.
        Assert.Equal("queue table locked", root.GetProperty("sections").GetProperty("queues").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Status_verb_prints_indented_json_from_the_running_appliance()
    {
        var result = await CliRun.InvokeAsync(["status", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("{\n  \"version\": ", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var status = JsonDocument.Parse(result.Output);
        Assert.Equal(4, status.RootElement.GetProperty("sections").GetProperty("lines").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sim_call_verb_posts_the_request_and_prints_the_result()
    {
        var result = await CliRun.InvokeAsync(
            ["sim", "call", "--data", _data.Path, "--line", "2", "--from", "+8613800138000", "--digits", "1#", "--talk", "12.5", "--hangup-after", "60"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var request = Assert.Single(_runner.Requests);
        Assert.Equal(new SimCallRequest(2, "+8613800138000", "1#", 12.5, 60), request);
        using var printed = JsonDocument.Parse(result.Output);
        var root = printed.RootElement;
        Assert.Equal("call-2-+8613800138000", root.GetProperty("callId").GetString());
        Assert.Equal("answered-by-agent", root.GetProperty("outcome").GetString());
        Assert.Equal("agent-7", root.GetProperty("agent").GetString());
        Assert.Equal(12.5, root.GetProperty("talkSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Contains("\"callerNumber\": \"+8613800138000\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_runner_refuses_is_a_400_whose_message_the_verb_prints()
    {
        _runner.Behaviour = (request, _) => throw new SimCallRejectedException($"line {request.Line} does not exist (the board has 4 lines)");

        var result = await CliRun.InvokeAsync(["sim", "call", "--data", _data.Path, "--line", "9", "--from", "100"]);

        Assert.Equal(ExitCodes.RequestRefused, result.ExitCode);
        Assert.Equal("line 9 does not exist (the board has 4 lines)", result.Error.Trim());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_failed_call_is_printed_and_exits_1()
    {
        _runner.Behaviour = (request, _) => Task.FromResult(
            new SimCallResult("c1", request.Line, request.From, SimCallOutcomes.Failed, null, null, 0, 0, null, "line 1 is out of service"));

        var result = await CliRun.InvokeAsync(["sim", "call", "--data", _data.Path, "--line", "1", "--from", "100"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("\"error\": \"line 1 is out of service\"", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"line": 0, "from": "100"}""", "line must be 1 or more (got 0)")]
    [InlineData("""{"line": 1, "from": "100", "digits": "12x"}""", "'x' at position 3 is not one")]
    [InlineData("""{"line": 1, "from": "100", "digits": "1,;2"}""", "';' at position 3 is not one")]
    [InlineData("""{"line": 1, "from": "abc"}""", "from must be a phone number")]
    [InlineData("""{"line": 1, "from": "100", "talkSeconds": -1}""", "talk must be between 0 and 3600 seconds (got -1)")]
    [InlineData("""{"line": 1, "from": "100", "heardPath": "heard.wav"}""", "heard must be an absolute path (got 'heard.wav')")]
    [InlineData("""{"line": 1, "from": "100", "heardPath": "/tmp/heard.mp3"}""", "heard must name a .wav file")]
    [InlineData("""{"line": 1, "from": "100", "heardPath": ""}""", "heard must be a file path")]
    [InlineData("""{"line": 1, "from": "100", "digit": "1"}""", "digit")]
    [InlineData("""{"from": "100"}""", "line")]
    [InlineData("""{"line": "one", "from": "100"}""", "line")]
    [InlineData("""{"line": 1, "from": "100" """, "not a valid simulated call")]
    [InlineData("null", "the request body is empty")]
    public async Task Bad_requests_get_400_with_a_message_saying_what_is_wrong_and_never_reach_the_runner(string body, string expected)
    {
        var (status, problem) = await PostRawAsync("/v1/sim/calls", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Empty(_runner.Requests);
    }

    [Fact]
    public async Task A_runner_crash_is_a_500_and_the_appliance_keeps_serving()
    {
        _runner.Behaviour = (_, _) => throw new InvalidOperationException("bridge exploded");

        var error = await Assert.ThrowsAsync<ControlRequestException>(() =>
            _appliance.Client.RunSimulatedCallAsync(new SimCallRequest(1, "100"), TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("bridge exploded", error.Message, StringComparison.Ordinal);
        Assert.Equal(VersionInfo.Current, await _appliance.Client.GetVersionAsync());
    }

    [Fact]
    public async Task A_client_that_gives_up_cancels_the_call_in_the_appliance()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _runner.Behaviour = async (_, token) =>
        {
            using var registration = token.Register(cancelled.SetResult);
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

        // The CLI's own timeout is what is under test here, so it runs on real time: long enough for the request to
        // reach the runner on a loaded machine, short enough to keep the suite quick.
        var result = await CliRun.InvokeAsync(["sim", "call", "--data", _data.Path, "--line", "1", "--from", "100", "--timeout", "1.5"]);

        Assert.Equal(ExitCodes.TimedOut, result.ExitCode);
        Assert.Contains("the appliance did not answer within 1.5 s", result.Error, StringComparison.Ordinal);
        Assert.Single(_runner.Requests);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_socket_file_is_accessible_to_its_owner_only()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_data.SocketPath));
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        var (status, _) = await PostRawAsync("/v2/anything", "{}");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostRawAsync(string path, string body)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_data.SocketPath), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://appliance") };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
