using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Appliance.Host.Control;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Hosting.Internal;

/// <summary>
/// Makes sure only one appliance runs on a data directory, and clears the control socket a killed appliance left behind.
/// </summary>
/// <remarks>
/// The socket alone cannot decide it: two appliances starting together would both find no socket. So the guard first
/// takes an exclusive lock on <c>appliance.lock</c> (flock, released by the kernel even when the process is killed), and
/// only then treats a socket nobody answers on as stale.
/// </remarks>
internal sealed class InstanceGuard : IDisposable
{
    public const string LockFileName = "appliance.lock";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly FileStream _lockFile;

    private InstanceGuard(FileStream lockFile) => _lockFile = lockFile;

    /// <exception cref="ApplianceAlreadyRunningException">Another appliance holds the directory or answers on the socket.</exception>
    public static async Task<InstanceGuard> AcquireAsync(
        ApplianceDataDirectory dataDirectory,
        string socketPath,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        FileStream lockFile;
        try
        {
            // FileShare.None is an flock(LOCK_EX | LOCK_NB) on Linux.
            lockFile = new FileStream(dataDirectory.Resolve(LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new ApplianceAlreadyRunningException(await DescribeRunningAsync(dataDirectory, socketPath, cancellationToken), ex);
        }

        try
        {
            await ClearStaleSocketAsync(dataDirectory, socketPath, logger, cancellationToken);
            WriteProcessId(lockFile);
            return new InstanceGuard(lockFile);
        }
        catch
        {
            await lockFile.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _lockFile.Dispose();

    private static async Task ClearStaleSocketAsync(
        ApplianceDataDirectory dataDirectory,
        string socketPath,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            return;
        }

        if (await AnswersAsync(socketPath, cancellationToken))
        {
            // We hold the lock, so this is not an appliance of this build: something else owns the path. Leave it alone.
            throw new ApplianceAlreadyRunningException(
                $"an appliance is already running on {dataDirectory.Path}: another process answers on {socketPath}");
        }

        File.Delete(socketPath);
        HostingLog.StaleSocketRemoved(logger, socketPath);
    }

    private static async Task<bool> AnswersAsync(string socketPath, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false; // ECONNREFUSED: the file is there but no process listens on it.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return true; // A listener too busy to accept is still a listener.
        }
    }

    private static async Task<string> DescribeRunningAsync(ApplianceDataDirectory dataDirectory, string socketPath, CancellationToken cancellationToken)
    {
        var message = $"an appliance is already running on {dataDirectory.Path}";
        try
        {
            using var client = new ControlClient(socketPath);
            using var status = System.Text.Json.JsonDocument.Parse(await client.GetStatusJsonAsync(cancellationToken));
            if (status.RootElement.TryGetProperty("processId", out var pid))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{message} (pid {pid.GetInt32()})");
            }
        }
        catch (Exception ex) when (ex is ApplianceNotRunningException or ControlRequestException or TimeoutException
            or System.Text.Json.JsonException or InvalidOperationException or HttpRequestException)
        {
            // Still starting, or stopping: the lock alone is proof enough.
        }

        return message;
    }

    private static void WriteProcessId(FileStream lockFile)
    {
        // For people looking at the directory; the lock itself is what counts.
        lockFile.SetLength(0);
        lockFile.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n")));
        lockFile.Flush();
    }
}
