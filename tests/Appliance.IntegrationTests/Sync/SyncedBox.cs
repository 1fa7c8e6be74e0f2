using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// A branch box's data directory and settings for the sync tests: how to start the real appliance pushing to a head
/// office, how to create tickets through its control socket, and what its own SQLite file holds.
/// </summary>
internal sealed class SyncedBox(string branchId, string branchKey, string headOfficeAddress) : IDisposable
{
    public const string HeadOfficeKey = "head-office-key-for-e2e-0001";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "appliance-sync-it-" + Guid.NewGuid().ToString("N"));

    public string BranchId => branchId;

    public int ReportPort { get; } = HeadOfficeSite.FreePort();

    /// <summary>Starts `appliance run` pushing quickly (small batches, short polls and backoff) and serving reports.</summary>
    public async Task<ApplianceProcess> StartAsync(params string[] extra)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "appliance.db")))
        {
            // Started on a box with no database file, a service that reads it before the startup migrates it makes the
            // appliance refuse to start; creating the file first avoids that ordering problem.
            var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("db", "migrate", "--data", DataDirectory);
            Assert.True(exitCode == 0, $"db migrate exited {exitCode}: {stdout}{stderr}");
        }

        return await ApplianceProcess.StartAsync(DataDirectory, [.. Settings, .. extra]);
    }

    private string[] Settings =>
    [
        "--set", $"Sync:Outbox:HeadOfficeAddress={headOfficeAddress}",
        "--set", $"Sync:Outbox:BranchId={branchId}",
        "--set", $"Sync:Outbox:BranchKey={branchKey}",
        "--set", "Sync:Outbox:BatchSize=50",
        "--set", "Sync:Outbox:MaxBatchDelaySeconds=0.05",
        "--set", "Sync:Outbox:PollIntervalSeconds=0.05",
        "--set", "Sync:Outbox:InitialBackoffSeconds=0.05",
        "--set", "Sync:Outbox:MaxBackoffSeconds=0.5",
        "--set", "Sync:Outbox:PushTimeoutSeconds=5",
        "--set", "Sync:ReportService:Enabled=true",
        "--set", $"Sync:ReportService:Port={ReportPort}",
        "--set", $"Sync:ReportService:HeadOfficeKey={HeadOfficeKey}",
        "--set", "Demo:AgentAnswerSeconds=1",
        "--set", "Demo:WrapUpSeconds=0",
    ];

    /// <summary>POST /v1/sim/tickets over the control socket (what `appliance sim ticket` does, without a process start).</summary>
    public async Task<IReadOnlyList<string>> CreateTicketsAsync(string prefix, int first, int count, CancellationToken cancellationToken)
    {
        var socket = Path.Combine(DataDirectory, "appliance.ctl");
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await client.ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
                return new NetworkStream(client, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://appliance/") };
        using var response = await http.PostAsJsonAsync("v1/sim/tickets", new { prefix, first, count }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"sim tickets: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("created").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>The ticket ids committed in the box's own database.</summary>
    public List<string> StoredTicketIds() => Query("SELECT id FROM tickets ORDER BY id", r => r.GetString(0));

    /// <summary>Entries still waiting in the box's outbox (not yet acknowledged by head office).</summary>
    public long OutboxBacklog() => Query("SELECT count(*) FROM outbox", r => r.GetInt64(0))[0];

    public string IntegrityCheck() => string.Join(";", Query("PRAGMA integrity_check", r => r.GetString(0)));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        // Read-only and unpooled: the appliance may be running; the test must not hold the file open afterwards.
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "appliance.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
