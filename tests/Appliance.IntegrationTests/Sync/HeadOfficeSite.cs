using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Hosting;
using Appliance.HeadOffice.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// Head office for the sync tests: a throwaway PostgreSQL on 127.0.0.1 and the head-office server in-process over it,
/// which can be stopped (an outage) and started again on the same port and database.
/// </summary>
public sealed class HeadOfficeSite : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    public string ConnectionString { get; private set; } = string.Empty;

    public HeadOfficeServer? Server { get; private set; }

    public int Port { get; private set; }

    /// <summary>The TLS certificate head office serves with, or null for cleartext HTTP/2.</summary>
    public X509Certificate2? Certificate { get; private set; }

    public string Address => $"{(Certificate is null ? "http" : "https")}://127.0.0.1:{Port}/";

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.NewDatabaseAsync();
        Port = FreePort();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await _postgres.DisposeAsync();
    }

    /// <summary>Starts head office, speaking TLS with <paramref name="certificate"/> when one is given.</summary>
    public async Task StartAsync(X509Certificate2? certificate = null)
    {
        Certificate = certificate;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["HeadOffice:Database:ConnectionString"] = ConnectionString })
            .Build();
        Server = await HeadOfficeServer.StartAsync(
            configuration, new IPEndPoint(IPAddress.Loopback, Port), logging => logging.ClearProviders(), certificate: certificate);
    }

    public async Task StopAsync()
    {
        if (Server is { } server)
        {
            Server = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>Enrols <paramref name="branchId"/> and returns its key.</summary>
    public async Task<string> EnrolAsync(string branchId) =>
        (await Server!.Services.GetRequiredService<BranchRegistry>().EnrolAsync(branchId, CancellationToken.None)).Key;

    /// <summary>Every ticket id head office holds for the branch, once per stored row (duplicates would show twice).</summary>
    public Task<List<string>> TicketIdsAsync(string branchId) =>
        TextColumnAsync("SELECT ticket_id FROM tickets WHERE branch_id = $1 ORDER BY ticket_id", branchId);

    /// <summary>Call ids head office holds a call summary for.</summary>
    public Task<List<string>> CallIdsAsync(string branchId) =>
        TextColumnAsync("SELECT call_id FROM call_summaries WHERE branch_id = $1 ORDER BY call_id", branchId);

    /// <summary>Idempotency keys applied for the branch, once per ledger row.</summary>
    public Task<List<string>> AppliedKeysAsync(string branchId) =>
        TextColumnAsync("SELECT idempotency_key FROM applied_records WHERE branch_id = $1", branchId);

    private async Task<List<string>> TextColumnAsync(string sql, string branchId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = branchId } } };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
