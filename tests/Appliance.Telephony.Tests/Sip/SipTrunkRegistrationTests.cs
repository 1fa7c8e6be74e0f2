using System.ComponentModel.DataAnnotations;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Appliance.Telephony.Sip;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>A provider that only sends calls to a registered box: the endpoint registers, and the provider's calls count as trunk calls.</summary>
public sealed class SipTrunkRegistrationTests
{
    [Fact]
    public async Task The_box_registers_with_the_provider_takes_its_calls_as_trunk_calls_and_unregisters_when_it_stops()
    {
        using var provider = new SipTestPeer();
        var box = new SipEndpointFixture(trunkAddress: "192.0.2.1", trunks => trunks.Registrations.Add(Account(provider)));
        try
        {
            var register = await provider.ReceiveAsync<SipRequest>(box.Tick, r => r.Method == "REGISTER");
            Assert.Equal("sip:4930123456@127.0.0.1", register.To.Uri.ToString());
            var ok = SipResponse.CreateFor(register, 200, "OK", "prov1");
            ok.Headers.Add(SipHeaderNames.Contact, register.Headers[SipHeaderNames.Contact]! + ";expires=120");
            provider.Send(ok, box.Box);
            var registration = Assert.Single(box.Endpoint.Registrations);
            await box.UntilAsync(() => registration.State == SipRegistrationState.Registered);

            // The provider's INVITE enters like any trunk call, named after the account.
            provider.Send(SipScript.Invite(provider.SipEndPoint, box.Box, "prov-call", "p1", SipScript.Sdp(provider.RtpPort)), box.Box);
            await provider.ResponseAsync(box.Tick, 180);
            var call = Assert.Single(box.Arrived);
            Assert.Equal("provider", call.Endpoint);
        }
        finally
        {
            var stopping = box.DisposeAsync().AsTask();
            var unregister = await provider.ReceiveAsync<SipRequest>(() => { }, r => r.Method == "REGISTER");
            var contact = unregister.Headers[SipHeaderNames.Contact] ?? string.Empty;
            Assert.True(
                unregister.Headers[SipHeaderNames.Expires] == "0" || contact.Contains("expires=0", StringComparison.OrdinalIgnoreCase),
                SipTestPeer.Describe(unregister));
            provider.Send(SipResponse.CreateFor(unregister, 200, "OK", "prov1"), box.Box);
            await stopping;
        }
    }

    [Fact]
    public void An_account_without_a_password_or_with_a_bad_registrar_fails_validation_naming_the_setting()
    {
        var trunks = new SipTrunkOptions();
        trunks.Registrations.Add(new SipRegistrationAccount { Name = "provider", Registrar = "not a uri", User = "4930123456" });

        var errors = trunks.Validate(new ValidationContext(trunks)).Select(e => e.ErrorMessage).ToList();

        Assert.Contains(errors, e => e!.Contains("Password is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("Registrar 'not a uri'", StringComparison.Ordinal));
    }

    private static SipRegistrationAccount Account(SipTestPeer provider) => new()
    {
        Name = "provider",
        Registrar = $"sip:{provider.SipEndPoint}",
        User = "4930123456",
        Domain = "127.0.0.1",
        Password = "trunk-secret-1",
        ExpiresSeconds = 120,
    };
}
