using System.Text.RegularExpressions;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox;
using Appliance.Sync.Transport;
using Xunit.Abstractions;

namespace Appliance.Sync.Tests.Compat;

/// <summary>
/// The reverse of <see cref="OldWireReplayTests"/>: a box on Grpc.Net.Client pushing to a head office still on the
/// transport of our own must send what that head office accepted, i.e. what the old box sent (recorded).
/// </summary>
public sealed partial class NewClientWireTests(ITestOutputHelper output)
{
    private static readonly WireRecording Recording = WireRecording.Load();

    [Theory]
    [InlineData("push-batch-identity")]
    [InlineData("push-batch-gzip")]
    public async Task The_new_box_client_sends_the_request_the_old_one_did(string name)
    {
        var old = Recording[name];
        var compression = old.Header("grpc-encoding") ?? "identity";
        var batch = PushBatchRequest.Parser.ParseFrom(WireReplay.Messages(old.RequestBody, compression).Single());
        await using var dump = await WireDumpServer.StartAsync();
        var options = new GrpcClientOptions { RequestCompression = compression };
        using (var client = new GrpcHeadOfficeSyncClient(
            GrpcChannelFactory.Create(dump.Address, options), options, CompatBranch.BranchId, CompatBranch.BranchKey, TimeSpan.FromSeconds(30)))
        {
            await client.PushAsync(batch, CancellationToken.None);
        }

        var sent = Assert.Single(dump.Requests);
        Assert.Equal((old.Protocol, old.Method, old.Path), (sent.Protocol, sent.Method, sent.Path));
        foreach (var header in (string[])["content-type", "te", "grpc-encoding", "x-branch-id", "x-branch-key"])
        {
            Assert.Equal(old.Header(header), sent.Header(header));
        }

        var timeout = TimeoutPattern().Match(sent.Header("grpc-timeout") ?? string.Empty);
        Assert.True(timeout.Success, $"grpc-timeout '{sent.Header("grpc-timeout")}' breaks the grammar");
        if (compression == "identity")
        {
            Assert.Equal(Convert.ToHexString(old.RequestBody), Convert.ToHexString(sent.Body));
        }
        else
        {
            Assert.Equal(1, sent.Body[0]);
            Assert.Equal(WireReplay.Messages(old.RequestBody, "gzip"), WireReplay.Messages(sent.Body, "gzip"));
        }

        foreach (var (header, before, after) in Differences(old.Headers, sent.Headers))
        {
            output.WriteLine($"{header}: was '{before}', now '{after}'");
        }
    }

    private static IEnumerable<(string Header, string? Before, string? After)> Differences(IReadOnlyList<string[]> before, IReadOnlyList<string[]> after) =>
        before.Concat(after).Select(h => h[0]).Distinct()
            .Select(name => (name, before.FirstOrDefault(h => h[0] == name)?[1], after.FirstOrDefault(h => h[0] == name)?[1]))
            .Where(d => d.Item2 != d.Item3 && d.name is not "host");

    [GeneratedRegex(@"^[0-9]{1,8}[HMSmun]\z")]
    private static partial Regex TimeoutPattern();
}
