namespace Appliance.IntegrationTests.Arm64;

/// <summary>The product's architecture: the arm64 build starts, reads its settings and opens its database under emulation.</summary>
public sealed class Arm64BuildTests(Arm64Publish arm64) : IClassFixture<Arm64Publish>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("appliance-arm64-data-").FullName;

    [Fact]
    public async Task The_arm64_build_reports_its_version_and_architecture()
    {
        var (exitCode, output) = await arm64.RunApplianceAsync("version");

        Assert.Equal(0, exitCode);
        Assert.Contains("architecture: arm64", output, StringComparison.Ordinal);
        Assert.Contains("runtime: .NET 10", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_arm64_build_checks_its_configuration_and_names_a_bad_setting()
    {
        var good = await arm64.RunApplianceAsync("config", "check", "--data", _data);
        var bad = await arm64.RunApplianceAsync("config", "check", "--data", _data, "--set", "Board:Simulated:LineCount=0");

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("configuration OK", good.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Board:Simulated:LineCount", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_arm64_build_loads_its_native_sqlite_and_creates_the_database()
    {
        var (exitCode, output) = await arm64.RunApplianceAsync("db", "migrate", "--data", _data);

        Assert.True(exitCode == 0, output);
        Assert.Contains("(created)", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_data, "appliance.db")).Length > 0);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
