using System.Diagnostics;
using System.Reflection;

namespace Appliance.Testing.Internal;

/// <summary>Where the built <c>appliance.dll</c> is and how to start it with a clean environment.</summary>
internal static class ApplianceLaunch
{
    private const string DllName = "appliance.dll";

    /// <summary>
    /// APPLIANCE_DLL when set (an explicit choice, e.g. a build under --artifacts-path, wins); else the copy beside the
    /// test assembly (projects that reference Appliance.Host get one); else the Host project's own bin folder.
    /// </summary>
    public static string DllPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("APPLIANCE_DLL") is { Length: > 0 } overridden)
            {
                return overridden;
            }

            var beside = Path.Combine(AppContext.BaseDirectory, DllName);
            if (File.Exists(beside))
            {
                return beside;
            }

            // Test support is built in the same configuration as the tests that load it.
            var configuration = typeof(ApplianceLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot(), "firmware", "Appliance.Host", "bin", configuration, "net10.0", DllName);
        }
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test runner's (or a developer's) own APPLIANCE_* settings must not leak into the appliance under test, nor
        // systemd's variables when the tests themselves run under systemd: the appliance would report to that manager.
        foreach (var name in info.Environment.Keys.Where(IsInherited).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private static bool IsInherited(string name) =>
        name.StartsWith("APPLIANCE_", StringComparison.OrdinalIgnoreCase)
        || name is "NOTIFY_SOCKET" or "WATCHDOG_USEC" or "WATCHDOG_PID" or "LISTEN_FDS" or "LISTEN_PID";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Appliance.sln not found above " + AppContext.BaseDirectory);
    }
}
