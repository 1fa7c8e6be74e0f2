using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Appliance.IntegrationTests.Sip;

/// <summary>Finding and running the real SIP peers (SIPp) and picking free ports on 127.0.0.1.</summary>
internal static class SipPeers
{
    public static string? Sipp { get; } = Find("sipp");

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>A port free for both UDP and TCP right now.</summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No port free for both UDP and TCP.");
    }

    /// <summary>Runs SIPp to completion (bounded) in <paramref name="workingDirectory"/>; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunSippAsync(string workingDirectory, TimeSpan limit, params string[] arguments)
    {
        var info = new ProcessStartInfo(Sipp ?? throw new InvalidOperationException("SIPp is not installed."))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Append("-nostdin"))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"SIPp {string.Join(' ', arguments)} did not finish in {limit}.");
        }

        var output = await stdout + await stderr;
        return (process.ExitCode, output.Length > 4000 ? output[^4000..] : output);
    }
}
