using Appliance.Core.Configuration;

namespace Appliance.Core.Tests.Configuration;

/// <summary>pauseReasons in the configuration document: read and written with the rest, codes of 1–2 digits, unique, named.</summary>
public sealed class PauseReasonConfigurationTests
{
    [Fact]
    public void Pause_reasons_are_read_written_and_looked_up_by_code()
    {
        var json = """{"schema":1,"pauseReasons":[{"code":"1","name":"break"},{"code":"42","name":"after-call paperwork"}]}""";

        var parsed = ConfigurationDocument.Parse(json);

        var configuration = parsed.Configuration!;
        Assert.Empty(ConfigurationValidator.Validate(configuration));
        Assert.Equal(["1", "42"], configuration.PauseReasons.Select(r => r.Code));
        Assert.Contains("\"pauseReasons\"", ConfigurationDocument.Write(configuration), StringComparison.Ordinal);
        var snapshot = new ConfigurationSnapshot(configuration, 3);
        Assert.Equal("after-call paperwork", snapshot.PauseReason("42")?.Name);
        Assert.Null(snapshot.PauseReason("4"));
    }

    [Fact]
    public void A_document_without_pause_reasons_has_none()
    {
        var configuration = ConfigurationDocument.Parse("""{"schema":1}""").Configuration!;

        Assert.Empty(configuration.PauseReasons);
        Assert.Empty(ConfigurationValidator.Validate(configuration));
    }

    [Theory]
    [InlineData("123", "pauseReasons[123].code", "must be 1 or 2 digits")]
    [InlineData("", "pauseReasons[].code", "must be 1 or 2 digits")]
    [InlineData("1a", "pauseReasons[1a].code", "must be 1 or 2 digits")]
    [InlineData("٣", "pauseReasons[٣].code", "must be 1 or 2 digits")]
    public void A_code_that_is_not_one_or_two_digits_is_refused_naming_it(string code, string path, string message)
    {
        var errors = ConfigurationValidator.Validate(With(new PauseReasonConfig { Code = code, Name = "break" }));

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_used_twice_and_a_reason_without_a_name_are_refused()
    {
        var errors = ConfigurationValidator.Validate(With(
            new PauseReasonConfig { Code = "1", Name = "break" },
            new PauseReasonConfig { Code = "1", Name = "lunch" },
            new PauseReasonConfig { Code = "2", Name = " " }));

        Assert.Contains(errors, e => e.Path == "pauseReasons[1]" && e.Message.Contains("appears more than once", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "pauseReasons[2].name" && e.Message == "is missing");
        Assert.Equal(2, errors.Count);
    }

    private static CallCenterConfiguration With(params PauseReasonConfig[] reasons) => new() { PauseReasons = reasons };
}
