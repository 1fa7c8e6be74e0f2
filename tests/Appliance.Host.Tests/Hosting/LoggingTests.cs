using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Hosting;

public sealed class LoggingTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_run_logs_to_a_daily_file_under_data_logs_and_to_the_console()
    {
        var appliance = await InProcessAppliance.StartAsync(_data);
        var result = await appliance.StopAsync();
        await appliance.DisposeAsync();

        var file = Assert.Single(Directory.GetFiles(_data.File("logs"), "appliance-*.log"));
        Assert.Matches(@"appliance-\d{8}\.log$", file);
        var logged = await File.ReadAllTextAsync(file);
        Assert.Matches(@"\[INF\] Appliance\.Host: Appliance ready in \d+ ms", logged);
        Assert.Contains("Appliance stopped", logged, StringComparison.Ordinal);
        Assert.Matches(@"\[\d\d:\d\d:\d\d INF\] Appliance ready in \d+ ms", result.Output);
    }

    [Fact]
    public async Task Levels_and_the_log_folder_come_from_configuration()
    {
        // Microsoft.* is at Warning by default; raising one category must bring its Information lines into the file.
        var appliance = await InProcessAppliance.StartAsync(
            _data,
            extraArguments:
            [
                "--set", "Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Information",
                "--set", "Log:Directory=journal",
                "--set", "Log:Console=false",
            ]);
        var result = await appliance.StopAsync();
        await appliance.DisposeAsync();

        Assert.False(Directory.Exists(_data.File("logs")));
        var file = Assert.Single(Directory.GetFiles(_data.File("journal"), "appliance-*.log"));
        var logged = await File.ReadAllTextAsync(file);
        Assert.Contains("Microsoft.Hosting.Lifetime: Application started", logged, StringComparison.Ordinal);
        Assert.Contains("Appliance ready", logged, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task By_default_framework_chatter_stays_out_of_the_log()
    {
        var appliance = await InProcessAppliance.StartAsync(_data);
        await appliance.DisposeAsync();

        var logged = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_data.File("logs"))));
        Assert.DoesNotContain("Microsoft.", logged, StringComparison.Ordinal);
    }
}
