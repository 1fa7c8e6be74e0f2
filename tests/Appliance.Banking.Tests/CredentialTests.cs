using Appliance.Banking;

namespace Appliance.Banking.Tests;

public sealed class CredentialTests
{
    [Fact]
    public void A_credential_printed_in_a_log_or_message_shows_no_digits()
    {
        var credential = new CustomerCredential(CredentialKind.Card, "6222020000001234");

        Assert.DoesNotContain("1234", credential.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1234", $"{new { credential }}", StringComparison.Ordinal);
    }
}
