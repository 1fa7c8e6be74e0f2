using Appliance.Sync.Grpc;

namespace Appliance.Sync.Tests.Wire;

public sealed class GrpcMetadataTests
{
    [Theory]
    [InlineData("grpc-status")]
    [InlineData("content-type")]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("")]
    public void Reserved_or_invalid_keys_are_refused(string key)
    {
        var metadata = new GrpcMetadata();

        Assert.Throws<ArgumentException>(() => metadata.Add(key, "v"));
        Assert.Equal(0, metadata.Count);
    }

    [Fact]
    public void Binary_values_round_trip_through_unpadded_base64()
    {
        var metadata = new GrpcMetadata();
        metadata.Add("x-token-bin", [1, 2, 3, 4]);

        Assert.Equal("AQIDBA", metadata.Get("x-token-bin"));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, metadata.GetBytes("x-token-bin"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-token", [1]));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-text-bin", "abc"));
    }

    [Fact]
    public void Non_ascii_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new GrpcMetadata().Add("x-name", "已关闭"));
    }
}
