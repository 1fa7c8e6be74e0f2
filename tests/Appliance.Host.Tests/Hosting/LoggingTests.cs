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
    public async Task Each_control_request_is_logged_once_with_method_path_status_and_time()
    {
        var appliance = await InProcessAppliance.StartAsync(_data);
        await appliance.Client.GetStatusJsonAsync();
        await Assert.ThrowsAsync<Appliance.Host.Control.ControlRequestException>(
            () => appliance.Client.RunSimulatedCallAsync(new Appliance.Host.Control.SimCallRequest(0, "100", null, null, null), TimeSpan.FromSeconds(30)));
        await appliance.DisposeAsync();

        var logged = await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(_data.File("logs"))));
        var status = Assert.Single(logged, line => line.Contains("/v1/status", StringComparison.Ordinal));
        Assert.Matches(@"\[INF\] Serilog\.AspNetCore\.RequestLoggingMiddleware: HTTP GET /v1/status responded 200 in \d+\.\d{4} ms$", status);
        var refused = Assert.Single(logged, line => line.Contains("/v1/sim/calls", StringComparison.Ordinal) && line.Contains("HTTP", StringComparison.Ordinal));
        Assert.Contains("HTTP POST /v1/sim/calls responded 400 in ", refused, StringComparison.Ordinal);
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
