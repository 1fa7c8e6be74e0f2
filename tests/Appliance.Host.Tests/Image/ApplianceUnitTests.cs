using System.Globalization;
using System.Text.RegularExpressions;
using Appliance.Host.Cli;
using Appliance.Host.Hosting;
using Appliance.Host.Tests.Support;
using Appliance.Sip.Transport;
using Appliance.Sync.Reporting;

namespace Appliance.Host.Tests.Image;

/// <summary>image/rootfs/usr/lib/systemd/system/appliance.service: the hardened unit the image runs the appliance with.</summary>
public sealed partial class ApplianceUnitTests
{
    private const string DataDirectory = "/var/lib/appliance";
    private readonly UnitFile _unit = UnitFile.Load(RepositoryFiles.UnitFile);

    [Fact]
    public void Runs_as_a_notify_service_whose_watchdog_the_appliance_feeds_and_restarts_it_on_failure()
    {
        Assert.Equal("notify", Service("Type"));
        Assert.Equal("main", Service("NotifyAccess"));
        Assert.Equal("on-failure", Service("Restart"));
        Assert.Equal("/usr/lib/appliance/appliance run --data " + DataDirectory, Service("ExecStart"));

        // systemd restarts a hung box first; the board's own watchdog, which resets the whole board, waits longer.
        var watchdog = Seconds(Service("WatchdogSec"));
        Assert.InRange(watchdog, 10, 120);
        Assert.True(new WatchdogOptions().BoardTimeoutSeconds > watchdog, "the board's watchdog would fire before systemd's");
    }

    [Fact]
    public void Does_not_restart_on_what_a_restart_cannot_fix()
    {
        Assert.Equal(
            [ExitCodes.InvalidConfiguration.ToString(CultureInfo.InvariantCulture), ExitCodes.StorageFailure.ToString(CultureInfo.InvariantCulture)],
            _unit.Words("Service", "RestartPreventExitStatus"));
    }

    [Fact]
    public void Runs_as_its_own_system_user_and_writes_only_its_data_directory()
    {
        Assert.Equal("appliance", Service("User"));
        Assert.Equal("appliance", Service("Group"));
        Assert.Equal("no", Service("DynamicUser"));
        Assert.Equal("strict", Service("ProtectSystem"));
        Assert.Equal([DataDirectory], _unit.Words("Service", "ReadWritePaths"));
        Assert.Equal("appliance", Service("StateDirectory")); // i.e. /var/lib/appliance, made and owned for User=
        Assert.Equal("yes", Service("ProtectHome"));
        Assert.Equal("yes", Service("PrivateTmp"));
    }

    [Fact]
    public void Holds_no_privilege_it_does_not_need()
    {
        Assert.Equal("yes", Service("NoNewPrivileges"));
        Assert.Equal("yes", Service("ProtectKernelTunables"));
        Assert.Equal("yes", Service("ProtectKernelModules"));
        Assert.Equal(["AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"], _unit.Words("Service", "RestrictAddressFamilies"));

        // No capability, not even CAP_NET_BIND_SERVICE: every port the appliance binds by default is unprivileged.
        Assert.Empty(_unit.Words("Service", "CapabilityBoundingSet"));
        Assert.Empty(_unit.Words("Service", "AmbientCapabilities"));
        Assert.True(new SipTransportOptions().Port > 1023);
        Assert.True(new ReportServiceOptions().Port > 1023);
    }

    [Fact]
    public void Reaches_the_hardware_only_through_allowed_device_classes_and_groups_the_image_creates()
    {
        Assert.Equal("closed", Service("DevicePolicy"));
        Assert.Contains("char-gpiochip rw", _unit.Values("Service", "DeviceAllow"));
        Assert.Contains("/dev/watchdog rw", _unit.Values("Service", "DeviceAllow"));

        var groups = _unit.Words("Service", "SupplementaryGroups");
        Assert.Contains("gpio", groups);
        var sysusers = File.ReadAllLines(RepositoryFiles.SysusersFile);
        var created = sysusers.Select(line => GroupLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var rules = File.ReadAllText(RepositoryFiles.UdevRulesFile);
        foreach (var group in groups.Where(g => g != "audio")) // audio is one of Debian's own groups
        {
            Assert.Contains(group, created);
            Assert.Contains($"GROUP=\"{group}\", MODE=\"0660\"", rules, StringComparison.Ordinal);
        }

        Assert.Contains(sysusers, line => line.StartsWith("u appliance ", StringComparison.Ordinal) && line.EndsWith(" /usr/sbin/nologin", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_the_image_adds_sets_a_password()
    {
        var settingLines = Directory.EnumerateFiles(RepositoryFiles.ImageRootfs, "*", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select(line => (file, line: line.Trim())))
            .Where(x => x.line.Length > 0 && x.line[0] is not ('#' or ';'));

        Assert.DoesNotContain(settingLines, x => x.line.Contains("password", StringComparison.OrdinalIgnoreCase)
            || x.line.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || x.line.StartsWith("EnvironmentFile", StringComparison.Ordinal));
    }

    [Fact]
    public void Is_started_at_boot()
    {
        Assert.Equal("multi-user.target", _unit.Value("Install", "WantedBy"));
    }

    private static int Seconds(string timespan)
    {
        var match = SecondsValue().Match(timespan);
        Assert.True(match.Success, $"'{timespan}' is not a plain number of seconds");
        return int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
    }

    private string Service(string key) => _unit.Value("Service", key);

    [GeneratedRegex(@"^(\d+)s?$")]
    private static partial Regex SecondsValue();

    [GeneratedRegex(@"^g\s+(\S+)\s")]
    private static partial Regex GroupLine();
}
