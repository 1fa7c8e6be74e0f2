using System.Reflection;

namespace Appliance.Drivers.Simulated.Tests.Portability;

/// <summary>
/// Our drivers and firmware keep to the part of System.Device that nanoFramework also has (see
/// <see cref="PortableSystemDeviceApi"/>), so bus-level drivers can move to a microcontroller board later.
/// </summary>
public sealed class PortableApiTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Fact]
    public void Every_driver_project_is_checked_and_uses_only_the_allowed_System_Device_members()
    {
        var drivers = Directory.GetFiles(Path.Combine(RepositoryRoot, "drivers"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Append("Appliance.Hal")
            .ToList();
        var problems = new List<string>();
        var membersSeen = 0;
        foreach (var name in drivers)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                problems.Add($"{name}: not referenced by this test project, so its IL is not checked; add a ProjectReference.");
                continue;
            }

            var platform = PortableSystemDeviceApi.PlatformDrivers.Contains(name!);
            var members = SystemDeviceReferences.Members(path);
            membersSeen += members.Count;
            problems.AddRange(members.Where(m => !Allowed(m, platform)).Select(m => $"{name}: uses {m}"));
            problems.AddRange(SystemDeviceReferences.Types(path).Where(t => !AllowedType(t, platform)).Select(t => $"{name}: uses type {t}"));
        }

        Assert.True(problems.Count == 0, "Outside the portable System.Device API (README: GPIO, I2C and SPI on the box):\n" + string.Join("\n", problems));
        Assert.True(membersSeen > 20, $"Only {membersSeen} System.Device member references were found; the scan is not seeing the drivers.");
    }

    [Fact]
    public void The_scan_catches_members_nanoFramework_lacks()
    {
        // This test assembly uses the desktop-only parts on purpose (the contract tests wait for edges and toggle pins).
        var members = SystemDeviceReferences.Members(Assembly.GetExecutingAssembly().Location);
        var outside = members.Where(m => !Allowed(m, platform: true)).ToList();

        Assert.Contains("System.Device.Gpio.GpioController.WaitForEventAsync/3", outside);
        Assert.Contains("System.Device.Gpio.GpioController.OpenPin/3", outside);
        Assert.Contains("System.Device.Gpio.GpioController.Toggle/1", outside);
        Assert.Contains("System.Device.Gpio.GpioController.Write/2", members);
        Assert.DoesNotContain("System.Device.Gpio.GpioController.Write/2", outside);
        Assert.Contains("System.Device.Gpio.Drivers.LibGpiodDriver", SystemDeviceReferences.Types(Assembly.GetExecutingAssembly().Location));
    }

    [Fact]
    public void Firmware_reaches_no_bus_itself()
    {
        // Firmware sees hardware only through the HAL; buses belong to drivers. A source scan: it sees namespaces named in
        // the code or project files, which every use of these packages needs.
        var firmware = Path.Combine(RepositoryRoot, "firmware");
        var offenders = Directory.GetFiles(firmware, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path) is var text
                           && (text.Contains("System.Device", StringComparison.Ordinal) || text.Contains("Iot.Device", StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(RepositoryRoot, path))
            .ToList();

        Assert.True(offenders.Count == 0, "Firmware names System.Device or Iot.Device; move the bus code into a driver (or extend this check to the firmware's IL):\n" + string.Join("\n", offenders));
    }

    private static bool Allowed(string member, bool platform)
        => PortableSystemDeviceApi.Use.Contains(member) || (platform && PortableSystemDeviceApi.Implement.Contains(member));

    private static bool AllowedType(string type, bool platform)
        => PortableSystemDeviceApi.UseTypes.Contains(type) || (platform && PortableSystemDeviceApi.ImplementTypes.Contains(type));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Appliance.sln above {AppContext.BaseDirectory}.");
    }
}
