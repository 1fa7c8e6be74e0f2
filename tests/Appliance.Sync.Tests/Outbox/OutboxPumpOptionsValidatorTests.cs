using Appliance.Sync.Transport;
using Appliance.Sync.Outbox;

namespace Appliance.Sync.Tests.Outbox;

public sealed class OutboxPumpOptionsValidatorTests
{
    private static OutboxPumpOptions Valid() => new()
    {
        HeadOfficeAddress = "https://ho.example.bank:8443/",
        BranchId = "sz-futian",
        BranchKey = "a-long-enough-branch-key",
    };

    [Fact]
    public void A_pinned_https_head_office_is_accepted_with_or_without_colons_in_the_fingerprint()
    {
        var options = Valid();
        options.HeadOfficeCertificateSha256 = new string('a', 64);
        Assert.True(new OutboxPumpOptionsValidator().Validate(null, options).Succeeded);

        options.HeadOfficeCertificateSha256 = string.Join(':', Enumerable.Repeat("AB", 32));
        Assert.True(new OutboxPumpOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("https://ho.example.bank/", "abc")]
    [InlineData("https://ho.example.bank/", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("http://ho.example.bank/", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_malformed_pin_or_a_pin_on_cleartext_is_refused_naming_the_setting(string address, string pin)
    {
        var options = Valid();
        options.HeadOfficeAddress = address;
        options.HeadOfficeCertificateSha256 = pin;

        var result = new OutboxPumpOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("HeadOfficeCertificateSha256", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_built_from_a_malformed_pin_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CertificatePin.Validator("not-a-fingerprint"));
    }
}
