using Appliance.Sync.Grpc.Internal;

namespace Appliance.Sync.Tests.Wire;

public sealed class GrpcStatusMessageTests
{
    [Fact]
    public void Plain_ascii_passes_unchanged()
    {
        Assert.Equal("branch 7 unknown", GrpcStatusMessage.Encode("branch 7 unknown"));
    }

    [Fact]
    public void Percent_and_non_ascii_and_controls_are_escaped_and_round_trip()
    {
        const string Detail = "50% 已关闭\nline";

        var encoded = GrpcStatusMessage.Encode(Detail);

        Assert.Equal("50%25 %E5%B7%B2%E5%85%B3%E9%97%AD%0Aline", encoded);
        Assert.Equal(Detail, GrpcStatusMessage.Decode(encoded));
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("%4", "%4")]
    [InlineData("%FF", "\uFFFD")]
    [InlineData("raw é", "raw é")]
    public void Broken_input_decodes_leniently_without_throwing(string encoded, string expected)
    {
        Assert.Equal(expected, GrpcStatusMessage.Decode(encoded));
    }
}
