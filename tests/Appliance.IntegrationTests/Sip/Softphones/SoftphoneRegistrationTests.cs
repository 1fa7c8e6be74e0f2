namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// Real softphones register to the running appliance as agents with digest auth over UDP on 127.0.0.1: the right
/// password gets them listed as registered (and quitting unregisters them), a wrong one is refused and logged.
/// </summary>
public sealed class SoftphoneRegistrationTests(SoftphoneApplianceFixture fixture) : IClassFixture<SoftphoneApplianceFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [SoftphoneFact("baresip")]
    public async Task Baresip_registers_as_agent_1001_and_unregisters_when_it_quits()
    {
        await using var phone = await Baresip.StartAsync(fixture.BaresipAccount());
        await RegistersAndUnregistersAsync(phone);
    }

    [SoftphoneFact("linphonec")]
    public async Task Linphonec_registers_as_agent_1002_and_unregisters_when_it_quits()
    {
        await using var phone = await Linphonec.StartAsync(fixture.LinphonecAccount());
        await RegistersAndUnregistersAsync(phone);
    }

    [SoftphoneFact("baresip")]
    public async Task Baresip_with_a_wrong_password_is_refused()
    {
        await using var phone = await Baresip.StartAsync(fixture.BaresipAccount("not-the-password"));
        await IsRefusedAsync(phone);
    }

    [SoftphoneFact("linphonec")]
    public async Task Linphonec_with_a_wrong_password_is_refused()
    {
        await using var phone = await Linphonec.StartAsync(fixture.LinphonecAccount("not-the-password"));
        await IsRefusedAsync(phone);
    }

    private async Task RegistersAndUnregistersAsync(Softphone phone)
    {
        Assert.True(await phone.WaitForRegistrationAsync(Limit), phone.Text);
        Assert.Contains(phone.Account.Extension, await fixture.RegisteredExtensionsAsync());

        await phone.QuitAsync();
        Assert.DoesNotContain(phone.Account.Extension, await fixture.RegisteredExtensionsAsync());
    }

    private async Task IsRefusedAsync(Softphone phone)
    {
        Assert.False(await phone.WaitForRegistrationAsync(Limit), phone.Text);

        // "SIP authentication failed: REGISTER <call-id> from 127.0.0.1:<phone's port> (n in the window)"
        var failure = $"from 127.0.0.1:{phone.SipPort} (";
        Assert.True(await fixture.OutputHasAsync(failure), fixture.Appliance.Output);
        Assert.Contains(
            fixture.Appliance.Output.Split('\n'),
            line => line.Contains(failure, StringComparison.Ordinal) && line.Contains("SIP authentication failed: REGISTER", StringComparison.Ordinal));
        Assert.DoesNotContain(phone.Account.Extension, await fixture.RegisteredExtensionsAsync());
    }
}
