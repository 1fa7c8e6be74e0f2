using Appliance.Benchmarks.Sync;
using BenchmarkDotNet.Running;

namespace Appliance.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, e.g. <c>--filter *Dtmf* --job short</c>; or, with <c>sync-throughput</c>
/// as the first argument, the end-to-end sync measurement (<see cref="SyncThroughputMode"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == SyncThroughputMode.Name)
        {
            Environment.ExitCode = SyncThroughputMode.RunAsync(args[1..]).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 0 && args[0] == Kpi.KpiBenchMode.Name)
        {
            Environment.ExitCode = Kpi.KpiBenchMode.Run(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == Recordings.RecordingPurgeMode.Name)
        {
            Environment.ExitCode = Recordings.RecordingPurgeMode.RunAsync(args[1..]).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
