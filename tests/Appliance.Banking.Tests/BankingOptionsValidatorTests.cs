namespace Appliance.Banking.Tests;

public sealed class BankingOptionsValidatorTests
{
    private readonly BankingOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new BankingOptions()).Succeeded);
    }

    [Fact]
    public void Http_mode_needs_an_absolute_http_address()
    {
        var missing = _validator.Validate(null, new BankingOptions { Mode = BankingMode.Http });
        var ftp = _validator.Validate(null, new BankingOptions { Mode = BankingMode.Http, HttpBaseAddress = "ftp://bank" });
        var good = _validator.Validate(null, new BankingOptions { Mode = BankingMode.Http, HttpBaseAddress = "https://core.bank.example/api/" });

        Assert.Contains(missing.Failures!, f => f.StartsWith("HttpBaseAddress:", StringComparison.Ordinal));
        Assert.Contains(ftp.Failures!, f => f.StartsWith("HttpBaseAddress: 'ftp://bank'", StringComparison.Ordinal));
        Assert.True(good.Succeeded);
    }

    [Fact]
    public void Out_of_range_numbers_are_named()
    {
        var result = _validator.Validate(null, new BankingOptions
        {
            HttpTimeoutMilliseconds = 5, HttpRetries = 9, BreakerFailureRatio = 2, MaxWrongPins = -1, SeedFile = " ",
        });

        Assert.Equal(
            ["SeedFile", "MaxWrongPins", "HttpTimeoutMilliseconds", "HttpRetries", "BreakerFailureRatio"],
            result.Failures!.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
    }
}
