using System.Net;
using System.Text.RegularExpressions;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Tests.Compat;

namespace Appliance.HeadOffice.Tests.Compat;

/// <summary>
/// Head office on Grpc.AspNetCore and boxes still on the transport of our own, both ways: an old box's pushes (recorded
/// byte for byte before the switch) are applied and answered exactly as the old head office answered them; and the new
/// <c>headoffice report pull</c> sends an old box's report service the requests the old one sent.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class OldWireOnNewHeadOfficeTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly WireRecording Recording = WireRecording.Load();
    private HeadOfficeHarness _headOffice = null!;

    public async Task InitializeAsync()
    {
        _headOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync());
        await _headOffice.EnrolWithKeyAsync(CompatBranch.BranchId, CompatBranch.BranchKey);
    }

    public async Task DisposeAsync() => await _headOffice.DisposeAsync();

    [Fact]
    public async Task An_old_boxs_pushes_plain_and_gzip_are_applied_once_and_answered_as_before()
    {
        for (var round = 0; round < 2; round++)
        {
            foreach (var exchange in new[] { Recording["push-batch-identity"], Recording["push-batch-gzip"] })
            {
                var answer = await WireReplay.SendAsync(_headOffice.Server.Address, exchange);

                Assert.Equal((HttpStatusCode.OK, exchange.ResponseGrpcStatus), (answer.HttpStatus, answer.GrpcStatus));
                Assert.Equal(exchange.ResponseMessages.Select(Convert.ToHexString), answer.Messages.Select(Convert.ToHexString));
            }
        }

        Assert.Equal(6, await _headOffice.CountAsync("SELECT COUNT(*) FROM applied_records WHERE branch_id = 'compat-br'"));
        Assert.Equal(4, await _headOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(2, await _headOffice.CountAsync("SELECT COUNT(*) FROM transactions WHERE amount_minor_units = 8850"));
    }

    [Fact]
    public async Task The_new_report_pull_sends_the_requests_the_old_one_did()
    {
        await using var dump = await WireDumpServer.StartAsync();

        var run = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["HEADOFFICE_REPORT_KEY"] = CompatBranch.HeadOfficeKey },
            "report", "pull", "--branch", CompatBranch.BranchId, "--address", dump.Address.ToString(),
            "--from", "2026-01-05", "--to", "2026-01-06", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var sent = dump.Requests.ToList();
        Assert.Equal(2, sent.Count);
        foreach (var (now, before) in sent.Zip([Recording["report-get-kpis"], Recording["report-list-calls"]]))
        {
            Assert.Equal((before.Protocol, before.Method, before.Path), (now.Protocol, now.Method, now.Path));
            foreach (var header in (string[])["content-type", "te", "x-headoffice-key", "grpc-encoding"])
            {
                Assert.Equal(before.Header(header), now.Header(header));
            }

            Assert.Matches(TimeoutPattern(), now.Header("grpc-timeout") ?? string.Empty);
            Assert.Equal(Convert.ToHexString(before.RequestBody), Convert.ToHexString(now.Body));
        }
    }

    [GeneratedRegex(@"^[0-9]{1,8}[HMSmun]\z")]
    private static partial Regex TimeoutPattern();
}
