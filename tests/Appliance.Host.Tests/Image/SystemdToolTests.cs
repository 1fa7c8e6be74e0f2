using System.Diagnostics;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Image;

/// <summary>The image's systemd files checked by systemd's own tools (Debian's systemd package).</summary>
public sealed class SystemdToolTests : IDisposable
{
    private const string InstalledExecutable = "/usr/lib/appliance/appliance";
    private readonly TempDataDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [ToolFact("systemd-analyze", "systemd")]
    public async Task The_unit_passes_systemd_analyze_verify_without_a_single_complaint()
    {
        var (exitCode, output) = await RunAsync("systemd-analyze", "verify", "--man=no", CopyOfUnit());

        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
    }

    [ToolFact("systemd-analyze", "systemd")]
    public async Task Verify_is_not_blind_a_misspelt_directive_is_reported()
    {
        var unit = CopyOfUnit();
        File.WriteAllText(unit, File.ReadAllText(unit).Replace("ProtectSystem=strict", "ProtectSytem=strict", StringComparison.Ordinal));

        var (_, output) = await RunAsync("systemd-analyze", "verify", "--man=no", unit);

        Assert.Contains("Unknown key 'ProtectSytem'", output, StringComparison.Ordinal);
    }

    [ToolFact("systemd-analyze", "systemd")]
    public async Task The_unit_exposure_stays_at_or_under_4_of_10_by_systemd_analyze_security()
    {
        var (exitCode, output) = await RunAsync("systemd-analyze", "security", "--offline=yes", "--threshold=40", "--no-pager", CopyOfUnit());

        Assert.True(exitCode == 0, output);
        Assert.Contains("Overall exposure level for appliance.service", output, StringComparison.Ordinal);
    }

    [ToolFact("systemd-sysusers", "systemd")]
    public async Task Sysusers_creates_a_system_user_that_cannot_log_in_and_has_no_password()
    {
        var root = Directory.CreateDirectory(_scratch.File("root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "etc"));

        var (exitCode, output) = await RunAsync("systemd-sysusers", $"--root={root}", RepositoryFiles.SysusersFile);

        Assert.True(exitCode == 0, output);
        var passwd = Assert.Single(File.ReadAllLines(Path.Combine(root, "etc", "passwd")), l => l.StartsWith("appliance:", StringComparison.Ordinal)).Split(':');
        Assert.InRange(int.Parse(passwd[2], System.Globalization.CultureInfo.InvariantCulture), 1, 999); // a system user
        Assert.Equal("/usr/sbin/nologin", passwd[6]);
        var shadow = Assert.Single(File.ReadAllLines(Path.Combine(root, "etc", "shadow")), l => l.StartsWith("appliance:", StringComparison.Ordinal)).Split(':');
        Assert.Equal("!*", shadow[1]); // locked: no password exists to be guessed
        var groups = File.ReadAllLines(Path.Combine(root, "etc", "group")).Select(l => l.Split(':')[0]).ToList();
        Assert.Superset(new HashSet<string> { "appliance", "gpio", "i2c", "spi", "watchdog" }, groups.ToHashSet());
    }

    // verify also checks that ExecStart's program exists and is executable; the installed appliance is not on the test
    // machine, so the copy points at a stand-in in a scratch folder and is otherwise the unit byte for byte.
    private string CopyOfUnit()
    {
        var standIn = _scratch.WriteFile("appliance", "#!/bin/sh\n");
        File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var text = File.ReadAllText(RepositoryFiles.UnitFile);
        Assert.Contains("ExecStart=" + InstalledExecutable + " ", text, StringComparison.Ordinal);
        return _scratch.WriteFile("appliance.service", text.Replace(InstalledExecutable, standIn, StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["SYSTEMD_COLORS"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
