using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using static Appliance.Core.Tests.Configuration.ConfiguredFlowTests;

namespace Appliance.Core.Tests.Configuration;

/// <summary>
/// Which entry point a call enters at: by the number it dialled (DID), then the trunk it came from, then its line,
/// then none (the default menu); and the validator's refusal of a number or trunk claimed by two entry points.
/// </summary>
public sealed class EntryPointRoutingTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("95566", "carrier", 1, "cards-hotline")] // the DID wins over trunk and line
    [InlineData("95588", "carrier", null, "hotline")]    // a DID on another entry point wins over the trunk
    [InlineData("12345", "carrier", 1, "cards-hotline")] // an unknown DID: the trunk
    [InlineData(null, "other", 4, "vip-line")]           // an unknown trunk: the line
    [InlineData("12345", "other", null, null)]           // nothing matches: the default menu
    public void A_call_enters_by_DID_then_trunk_then_line(string? dialled, string? trunk, int? line, string? expected)
    {
        var snapshot = new ConfigurationSnapshot(WithCardsHotline(SampleConfiguration.Branch()), 1);

        Assert.Equal(expected, snapshot.EntryPointFor(dialled, trunk, line)?.Name);
    }

    [Fact]
    public void A_trunk_call_to_a_DID_takes_that_entry_point_s_menu_and_the_call_start_names_both()
    {
        using var harness = new CallCenterHarness(
            new ConfigurationSnapshot(SimulatedAgents(WithCardsHotline(SampleConfiguration.Branch())), 1),
            new Appliance.Testing.ManualTimeProvider(MondayMorning));
        harness.Ring(new FakeCallerChannel("sip/carrier-000001", "13800138000") { DialledNumber = "95566", Trunk = "carrier" }, line: null);
        harness.Run(TimeSpan.FromMilliseconds(500));

        var call = harness.CallCenter.ActiveCalls.Single();
        Assert.Equal(("cards-hotline", "vip", "zh"), (call.EntryPoint, call.EntryMenu, call.Language));
        var start = Data(harness, call.CallId, CallEventKinds.CallStart).Single();
        Assert.Equal(("95566", "carrier", null), (start["dialled"], start["trunk"], start["line"]));
    }

    [Theory]
    [InlineData("numbers", "entryPoints[cards-hotline].numbers[95588]", "number '95588' is on entry points 'hotline' and 'cards-hotline'")]
    [InlineData("trunks", "entryPoints[cards-hotline].trunks[carrier]", "trunk 'carrier' is on entry points 'vip-line' and 'cards-hotline'")]
    [InlineData("lines", "entryPoints[cards-hotline].lines[4]", "line '4' is on entry points 'vip-line' and 'cards-hotline'")]
    public void A_DID_trunk_or_line_on_two_entry_points_is_refused_naming_both(string field, string path, string message)
    {
        var configuration = WithCardsHotline(SampleConfiguration.Branch());
        var entries = configuration.EntryPoints.ToList();
        entries = field switch
        {
            "numbers" => [.. entries.Select(e => e.Name == "cards-hotline" ? e with { Numbers = [.. e.Numbers, "95588"] } : e)],
            "trunks" => [.. entries.Select(e => e.Name == "vip-line" ? e with { Trunks = ["carrier"] } : e)],
            _ => [.. entries.Select(e => e.Name == "cards-hotline" ? e with { Lines = [4] } : e)],
        };

        var error = Assert.Single(ConfigurationValidator.Validate(configuration with { EntryPoints = entries }));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DID_listed_twice_on_one_entry_point_is_refused()
    {
        var configuration = WithCardsHotline(SampleConfiguration.Branch());
        configuration = configuration with
        {
            EntryPoints = [.. configuration.EntryPoints.Select(e => e.Name == "cards-hotline" ? e with { Numbers = ["95566", "95566"] } : e)],
        };

        var error = Assert.Single(ConfigurationValidator.Validate(configuration));
        Assert.Equal("entryPoints[cards-hotline].numbers[95566]", error.Path);
        Assert.Contains("is listed twice", error.Message, StringComparison.Ordinal);
    }

    // A card hotline reached by its own DID and by everything the carrier's trunk brings in that no DID claims.
    private static CallCenterConfiguration WithCardsHotline(CallCenterConfiguration configuration) => configuration with
    {
        EntryPoints =
        [
            .. configuration.EntryPoints,
            new EntryPointConfig { Name = "cards-hotline", Numbers = ["95566"], Trunks = ["carrier"], Menu = "vip", Language = "zh" },
        ],
    };
}
