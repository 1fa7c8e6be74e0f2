using Appliance.Telephony.Simulated;

namespace Appliance.Telephony.Tests.Simulated;

public sealed class SimulatedPhoneProfileTests
{
    [Fact]
    public void A_full_dial_target_sets_every_behaviour()
    {
        var profile = SimulatedPhoneProfile.Parse("1001;answer=1500;tone=1600;talk=30;hold=4;holdfor=2.5;transfer=sales;transferat=9");

        Assert.Equal("1001", profile.Extension);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), profile.AnswerAfter);
        Assert.Equal(1600, profile.ToneHz);
        Assert.Equal(TimeSpan.FromSeconds(30), profile.TalkLimit);
        Assert.Equal(TimeSpan.FromSeconds(4), profile.HoldAt);
        Assert.Equal(TimeSpan.FromSeconds(2.5), profile.HoldFor);
        Assert.Equal("sales", profile.TransferTo);
        Assert.Equal(TimeSpan.FromSeconds(9), profile.TransferAt);
    }

    [Fact]
    public void The_defaults_answer_after_two_seconds_and_never_hold_or_transfer()
    {
        var profile = SimulatedPhoneProfile.Parse("1002");

        Assert.Equal(TimeSpan.FromSeconds(2), profile.AnswerAfter);
        Assert.Null(profile.HoldAt);
        Assert.Null(profile.TransferTo);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1001;tone=50")]
    [InlineData("1001;hold=-1")]
    [InlineData("1001;holdfor=soon")]
    [InlineData("1001;transfer=")]
    [InlineData("1001;transfer=a b")]
    [InlineData("1001;colour=blue")]
    [InlineData("1001;answer=1e300")]
    public void A_bad_parameter_is_refused_with_an_error_naming_it(string target)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatedPhoneProfile.Parse(target));
        Assert.Contains(target.Length == 0 ? "extension" : target.Split(';')[^1], error.Message, StringComparison.Ordinal);
    }
}
