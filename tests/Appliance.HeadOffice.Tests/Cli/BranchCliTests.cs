using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Transport;
using Grpc.Core;

namespace Appliance.HeadOffice.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class BranchCliTests(PostgresServer postgres) : IAsyncLifetime
{
    private HeadOfficeHarness _headOffice = null!;

    public async Task InitializeAsync() => _headOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync());

    public async Task DisposeAsync() => await _headOffice.DisposeAsync();

    private Task<CliRun> Run(params string[] args) =>
        CliRun.RunAsync(new Dictionary<string, string?> { ["HEADOFFICE_DB"] = _headOffice.ConnectionString }, args);

    [Fact]
    public async Task Enrol_prints_a_key_once_that_lets_the_branch_push_and_stores_only_a_salted_hash()
    {
        var enrol = await Run("branch", "enrol", "--id", "sz-futian");

        Assert.Equal(0, enrol.ExitCode);
        Assert.True(enrol.Key.Length >= 43, enrol.Output);
        var response = await _headOffice.PushAsync("sz-futian", enrol.Key, TestRecords.Mixed(0, 3));
        Assert.Equal(3, response.AcknowledgedKeys.Count);
        Assert.Equal(0, await _headOffice.CountAsync(
            $"SELECT COUNT(*) FROM branches WHERE position(convert_to('{enrol.Key}', 'UTF8') in key_hash) > 0 OR length(key_hash) <> 32"));

        var list = await Run("branch", "list");
        Assert.Contains("sz-futian\tactive\t", list.Output, StringComparison.Ordinal);
        Assert.EndsWith("\t3", list.Output.Split('\n').Single(l => l.StartsWith("sz-futian", StringComparison.Ordinal)).Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(enrol.Key, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolling_an_active_branch_again_is_refused_and_keeps_its_key()
    {
        var first = await Run("branch", "enrol", "--id", "gz-1");

        var second = await Run("branch", "enrol", "--id", "gz-1");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already enrolled", second.Error, StringComparison.Ordinal);
        Assert.Single((await _headOffice.PushAsync("gz-1", first.Key, TestRecords.Mixed(0, 1))).AcknowledgedKeys);
    }

    [Fact]
    public async Task Revoke_refuses_the_key_from_then_on_and_re_enrolment_issues_a_new_one()
    {
        var old = await Run("branch", "enrol", "--id", "bj-2");

        var revoke = await Run("branch", "revoke", "--id", "bj-2");
        var again = await Run("branch", "revoke", "--id", "bj-2");

        Assert.Equal(0, revoke.ExitCode);
        Assert.Contains("revoked", revoke.Output, StringComparison.Ordinal);
        Assert.Contains("already revoked", again.Output, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _headOffice.PushAsync("bj-2", old.Key, TestRecords.Mixed(0, 2)));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("bj-2\trevoked\t", (await Run("branch", "list")).Output, StringComparison.Ordinal);

        var reinstated = await Run("branch", "enrol", "--id", "bj-2");

        Assert.Contains("reinstated", reinstated.Output, StringComparison.Ordinal);
        Assert.NotEqual(old.Key, reinstated.Key);
        Assert.Equal(2, (await _headOffice.PushAsync("bj-2", reinstated.Key, TestRecords.Mixed(0, 2))).AcknowledgedKeys.Count);
        var oldKey = await Assert.ThrowsAsync<RpcException>(() => _headOffice.PushAsync("bj-2", old.Key, TestRecords.Mixed(0, 2)));
        Assert.Equal(StatusCode.Unauthenticated, oldKey.StatusCode);
    }

    [Theory]
    [InlineData("branch enrol --id bad/id", 1, "not valid")]
    [InlineData("branch revoke --id nobody", 1, "not enrolled")]
    [InlineData("branch enrol", 2, "--id")]
    [InlineData("serve --listen localhost", 2, "--listen must be IP:PORT")]
    [InlineData("branch list --db Host=127.0.0.1;Port=notanumber", 2, "HeadOffice:Database:ConnectionString")]
    public async Task Bad_command_lines_fail_with_a_message_naming_the_problem(string commandLine, int exitCode, string message)
    {
        var run = await Run(commandLine.Split(' '));

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_setting_is_named()
    {
        var run = await CliRun.RunAsync(null, "branch", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("HeadOffice:Database:ConnectionString is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_listens_until_stopped_and_applies_pushes()
    {
        var key = (await Run("branch", "enrol", "--id", "serve-1")).Key;
        using var output = new SignallingWriter("Listening on ");
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var environment = new Dictionary<string, string?> { ["HEADOFFICE_DB"] = _headOffice.ConnectionString };

        var serve = Appliance.HeadOffice.Cli.HeadOfficeCli.InvokeAsync(["serve", "--listen", "127.0.0.1:0"], output, error, environment, stop.Token);
        var line = await output.LineWritten.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var channel = GrpcChannelFactory.Create(new Uri(line["Listening on ".Length..]));
        var request = new PushBatchRequest { BranchId = "serve-1", Records = { TestRecords.Mixed(100, 4) } };
        var response = await new SyncService.SyncServiceClient(channel).PushBatchAsync(request, HeadOfficeHarness.Credentials("serve-1", key));
        await stop.CancelAsync();

        Assert.Equal(4, response.AcknowledgedKeys.Count);
        Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(string.Empty, error.ToString());
    }
}
