using System.ComponentModel.DataAnnotations;
using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Tests.Board;

public sealed class OptionsTests
{
    private readonly SimulatedBoardOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid_and_as_specified()
    {
        var options = new SimulatedBoardOptions();
        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal("Board:Simulated", SimulatedBoardOptions.SectionName);
        Assert.Equal(4, options.LineCount);
        Assert.Equal("CN", options.Country);
        Assert.Equal(FskStandard.Bell202, options.CallerIdStandard);
        Assert.Equal(DisconnectSignal.Both, options.DisconnectSignal);
    }

    public static TheoryData<string, Action<SimulatedBoardOptions>> BadOptions => new()
    {
        { "Board:Simulated:LineCount", o => o.LineCount = 0 },
        { "Board:Simulated:LineCount", o => o.LineCount = 33 },
        { "Board:Simulated:Country", o => o.Country = "FR" },
        { "Board:Simulated:Country", o => o.Country = null! },
        { "Board:Simulated:CallerIdStandard", o => o.CallerIdStandard = (FskStandard)7 },
        { "Board:Simulated:DisconnectSignal", o => o.DisconnectSignal = (DisconnectSignal)7 },
        { "Board:Simulated:CallerIdLevelDbm0", o => o.CallerIdLevelDbm0 = double.NaN },
        { "Board:Simulated:CallerIdLevelDbm0", o => o.CallerIdLevelDbm0 = 3 },
        { "Board:Simulated:ReceivedAudioLimitSeconds", o => o.ReceivedAudioLimitSeconds = 0 },
        { "Board:Simulated:SerialNumber", o => o.SerialNumber = " " },
        { "Board:Simulated:Callees:0", o => o.Callees.Add(new SimulatedCalleeOptions { Number = "555-1234" }) },
        { "Board:Simulated:Callees:0", o => o.Callees.Add(new SimulatedCalleeOptions { Number = "5551234", ToneHz = 5000 }) },
        { "Board:Simulated:Callees:0", o => o.Callees.Add(new SimulatedCalleeOptions { Number = "5551234", AnswerAfterRings = 0 }) },
        { "Board:Simulated:Callees:1", o => o.Callees.AddRange([new SimulatedCalleeOptions { Number = "1" }, new SimulatedCalleeOptions { Number = "1" }]) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Each_bad_setting_is_named(string key, Action<SimulatedBoardOptions> spoil)
    {
        var options = new SimulatedBoardOptions();
        spoil(options);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void DataAnnotations_validation_reports_the_same_setting(string key, Action<SimulatedBoardOptions> spoil)
    {
        var options = new SimulatedBoardOptions();
        spoil(options);
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));

        var result = Assert.Single(results);
        Assert.Equal([key[(SimulatedBoardOptions.SectionName.Length + 1)..]], result.MemberNames);
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
    }

    [Theory]
    [InlineData("cn")]
    [InlineData("US")]
    [InlineData("uk")]
    public void Country_codes_are_case_insensitive(string code)
    {
        Assert.True(_validator.Validate(null, new SimulatedBoardOptions { Country = code }).Succeeded);
        Assert.Equal(ExchangeCountry.For(code).RingCadence, ExchangeCountry.For(code.ToUpperInvariant()).RingCadence);
    }
}
