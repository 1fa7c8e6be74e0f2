using System.Security.Cryptography.X509Certificates;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Transport;
using Grpc.Net.Client;

namespace Appliance.HeadOffice.Tests.Cli;

/// <summary>
/// `headoffice serve --certificate --key` speaks TLS and prints the certificate's fingerprint; a box that pins that
/// fingerprint pushes, one that pins another refuses the connection and nothing is applied.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ServeTlsTests(PostgresServer postgres) : IAsyncLifetime
{
    private HeadOfficeHarness _headOffice = null!;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("headoffice-tls-");

    public async Task InitializeAsync() => _headOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync());

    public async Task DisposeAsync()
    {
        await _headOffice.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_box_pinning_the_printed_fingerprint_pushes_over_TLS_and_one_pinning_another_is_refused()
    {
        var (certificatePath, keyPath) = TestCertificates.WritePem(_folder.FullName);
        var key = (await Run("branch", "enrol", "--id", "tls-1")).Key;
        using var output = new SignallingWriter("Certificate SHA-256 ");
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Appliance.HeadOffice.Cli.HeadOfficeCli.InvokeAsync(
            ["serve", "--listen", "127.0.0.1:0", "--certificate", certificatePath, "--key", keyPath], output, error, Environment(), stop.Token);
        var line = await output.LineWritten.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var fingerprint = line.Split(' ')[2];
        var address = output.ToString().Split('\n').Single(l => l.StartsWith("Listening on ", StringComparison.Ordinal))["Listening on ".Length..].Trim();
        Assert.StartsWith("https://", address, StringComparison.Ordinal);
        using (var pem = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath)))
        {
            Assert.Equal(CertificatePin.Fingerprint(pem), fingerprint);
        }

        using var pinned = GrpcChannelFactory.Create(new Uri(address), validateServerCertificate: CertificatePin.Validator(fingerprint));
        var response = await PushAsync(pinned, key, 100);
        Assert.Equal(3, response.AcknowledgedKeys.Count);

        using var stranger = GrpcChannelFactory.Create(new Uri(address), validateServerCertificate: CertificatePin.Validator(new string('0', 64)));
        await Assert.ThrowsAnyAsync<Exception>(() => PushAsync(stranger, key, 200));
        Assert.Equal(3, await _headOffice.CountAsync("SELECT COUNT(*) FROM applied_records WHERE branch_id = 'tls-1'"));

        await stop.CancelAsync();
        Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(true, false, "--certificate and --key go together")]
    [InlineData(true, true, "--certificate")]
    public async Task A_missing_key_or_a_file_that_is_no_certificate_is_refused_with_exit_2(bool giveCertificate, bool giveKey, string expected)
    {
        var junk = Path.Combine(_folder.FullName, "junk.pem");
        await File.WriteAllTextAsync(junk, "not a certificate");
        List<string> args = ["serve", "--listen", "127.0.0.1:0"];
        if (giveCertificate)
        {
            args.AddRange(["--certificate", junk]);
        }

        if (giveKey)
        {
            args.AddRange(["--key", junk]);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Appliance.HeadOffice.Cli.HeadOfficeCli.InvokeAsync([.. args], output, error, Environment(), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Listening on", output.ToString(), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Environment() => new() { ["HEADOFFICE_DB"] = _headOffice.ConnectionString };

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(Environment(), args);

    private static async Task<PushBatchResponse> PushAsync(GrpcChannel channel, string key, int first) =>
        await new SyncService.SyncServiceClient(channel).PushBatchAsync(
            new PushBatchRequest { BranchId = "tls-1", Records = { TestRecords.Mixed(first, 3) } },
            HeadOfficeHarness.Credentials("tls-1", key), DateTime.UtcNow.AddSeconds(20));
}
