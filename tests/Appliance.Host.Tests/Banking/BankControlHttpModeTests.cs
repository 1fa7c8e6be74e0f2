using System.Net;
using System.Text;
using Appliance.Banking;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Host.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Banking;

/// <summary>On a box that talks to a real core bank the tester controls of the simulated one are refused, not faked.</summary>
public sealed class BankControlHttpModeTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync() => _appliance = await InProcessAppliance.StartAsync(
        _data, services => services.Configure<BankingOptions>(o => (o.Mode, o.HttpBaseAddress) = (BankingMode.Http, "http://127.0.0.1:9/")));

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Outage_and_show_are_refused_with_409_naming_the_mode()
    {
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var outage = await client.PutAsync("v1/bank/outage", new StringContent("{\"active\": true}", Encoding.UTF8, "application/json"));
        var show = await CliRun.InvokeAsync(["bank", "show", "6222021234567890", "--data", _data.Path]);

        Assert.Equal(HttpStatusCode.Conflict, outage.StatusCode);
        Assert.Contains("Banking:Mode is Http", await outage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, show.ExitCode);
        Assert.Contains("Banking:Mode is Http", show.Error, StringComparison.Ordinal);
    }
}
