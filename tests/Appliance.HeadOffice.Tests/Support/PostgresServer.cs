using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>
/// A real, throwaway PostgreSQL for the test run: initdb into a temp folder, pg_ctl start on 127.0.0.1 with a free port
/// and trust authentication for loopback only, stopped and deleted afterwards. initdb refuses root, so as root the
/// server runs as the 'postgres' OS user. Each test class gets its own fresh database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new(StringComparer.Ordinal);
    private string _dataDirectory = string.Empty;
    private string _bin = string.Empty;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _dataDirectory = Directory.CreateTempSubdirectory("headoffice-pg-").FullName;
        if (RunAsPostgres)
        {
            await RunAsync("chown", "postgres:postgres", _dataDirectory);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), "-D", _dataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        Port = FreePort();
        var settings = $"-p {Port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60";
        await RunAsync(Path.Combine(_bin, "pg_ctl"), "start", "-w", "-t", "60", "-D", _dataDirectory,
            "-l", Path.Combine(_dataDirectory, "server.log"), "-o", settings);
    }

    /// <summary>A connection string to a fresh database owned by <paramref name="owner"/> (created on first use).</summary>
    public Task<string> DatabaseForAsync(string owner) =>
        _databases.GetOrAdd(owner, name => new Lazy<Task<string>>(() => CreateDatabaseAsync(name))).Value;

    /// <summary>A connection string to a brand-new database, never shared.</summary>
    public Task<string> NewDatabaseAsync() => CreateDatabaseAsync(Guid.NewGuid().ToString("N"));

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory.Length == 0)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), "stop", "-w", "-m", "immediate", "-D", _dataDirectory);
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static bool RunAsPostgres => Environment.UserName == "root";

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40";

    private async Task<string> CreateDatabaseAsync(string name)
    {
        var database = "t_" + new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        database = database[..Math.Min(database.Length, 60)];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\";", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(database);
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).FirstOrDefault()
            : null;
        return newest is not null && File.Exists(Path.Combine(newest, "bin", "initdb"))
            ? Path.Combine(newest, "bin")
            : throw new InvalidOperationException(
                "PostgreSQL server binaries not found: install the Debian package 'postgresql' or set PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (RunAsPostgres && program != "chown")
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
