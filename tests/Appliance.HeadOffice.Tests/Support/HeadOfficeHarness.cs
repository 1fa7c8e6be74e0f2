using System.Net;
using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Branches.Internal;
using Appliance.HeadOffice.Hosting;
using Appliance.HeadOffice.Sync;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Transport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>A running head-office server on 127.0.0.1 over a test database, with helpers to enrol branches and push.</summary>
public sealed class HeadOfficeHarness : IAsyncDisposable
{
    private HeadOfficeHarness(HeadOfficeServer server, string connectionString)
    {
        Server = server;
        ConnectionString = connectionString;
    }

    public HeadOfficeServer Server { get; }

    public string ConnectionString { get; }

    public BranchRegistry Registry => Server.Services.GetRequiredService<BranchRegistry>();

    public HeadOfficeSyncService Sync => Server.Services.GetRequiredService<HeadOfficeSyncService>();

    /// <param name="logs">Where the server's log lines go; none by default.</param>
    public static async Task<HeadOfficeHarness> StartAsync(string connectionString, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["HeadOffice:Database:ConnectionString"] = connectionString })
            .Build();
        var server = await HeadOfficeServer.StartAsync(configuration, new IPEndPoint(IPAddress.Loopback, 0), logging =>
        {
            logging.ClearProviders();
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        return new HeadOfficeHarness(server, connectionString);
    }

    public async Task<string> EnrolAsync(string branchId) => (await Registry.EnrolAsync(branchId, CancellationToken.None)).Key;

    /// <summary>Enrols a branch whose key is fixed in advance (as in the wire recording) rather than issued at random.</summary>
    public async Task EnrolWithKeyAsync(string branchId, string key)
    {
        var salt = BranchKeyHasher.NewSalt();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO branches (branch_id, key_salt, key_hash, enrolled_at, revoked_at) VALUES ($1, $2, $3, now(), NULL);", connection)
        {
            Parameters = { new() { Value = branchId }, new() { Value = salt }, new() { Value = BranchKeyHasher.Hash(salt, key) } },
        };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A channel to the server, as a box makes it; the caller disposes it.</summary>
    public GrpcChannel Channel() => GrpcChannelFactory.Create(Server.Address);

    public static Metadata Credentials(string branchId, string key) =>
        new() { { BranchMetadata.BranchIdKey, branchId }, { BranchMetadata.BranchKeyKey, key } };

    public async Task<PushBatchResponse> PushAsync(
        string branchId, string key, IEnumerable<SyncRecord> records, CancellationToken cancellationToken = default, string? claimedBranch = null)
    {
        using var channel = Channel();
        var request = new PushBatchRequest { BranchId = claimedBranch ?? branchId, BatchId = Guid.NewGuid().ToString("N") };
        request.Records.AddRange(records);
        return await new SyncService.SyncServiceClient(channel).PushBatchAsync(request, Credentials(branchId, key), cancellationToken: cancellationToken);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> ScalarTextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync()) as string;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
