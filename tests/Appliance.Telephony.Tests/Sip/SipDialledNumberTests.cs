namespace Appliance.Telephony.Tests.Sip;

/// <summary>A trunk call's channel carries the number dialled (the Request-URI user part) and the trunk's name, for routing by DID.</summary>
public sealed class SipDialledNumberTests
{
    [Theory]
    [InlineData("95566", "95566")]
    [InlineData("%2B8610095566", "+8610095566")] // escaped '+' (RFC 3261 §19.1.2)
    [InlineData("95566;phone-context=+86", "95566")] // a user parameter is not part of the number
    public async Task A_trunk_INVITE_to_a_DID_makes_a_channel_that_names_the_DID_and_the_trunk(string user, string expected)
    {
        await using var box = new SipEndpointFixture();
        using var trunk = new SipTestPeer();
        var invite = SipScript.Invite(trunk.SipEndPoint, box.Box, "did-1", "d1", SipScript.Sdp(trunk.RtpPort));
        invite = invite.Replace($"INVITE sip:service@", $"INVITE sip:{user}@", StringComparison.Ordinal);
        trunk.Send(invite, box.Box);

        await trunk.ResponseAsync(box.Tick, 180);

        var channel = Assert.Single(box.Arrived);
        Assert.Equal((expected, "test"), (channel.DialledNumber, channel.Trunk));
    }
}
