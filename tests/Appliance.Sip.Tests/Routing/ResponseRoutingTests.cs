using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport.Internal;

namespace Appliance.Sip.Tests.Routing;

/// <summary>RFC 3261 §18.2.1/§18.2.2 and RFC 3581 §4: what the box writes into a request's top Via, and where responses go.</summary>
public sealed class ResponseRoutingTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("192.0.2.10"), 40_001);

    [Theory]
    // sent-by is the source address: no received, the sent-by port (default 5060), never the source port.
    [InlineData("SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK1", "SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK1", "192.0.2.10:5070")]
    [InlineData("SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1", "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1", "192.0.2.10:5060")]
    // sent-by names another host or a domain: received is added and used, with the sent-by port.
    [InlineData("SIP/2.0/UDP gw.example.net:5080", "SIP/2.0/UDP gw.example.net:5080;received=192.0.2.10", "192.0.2.10:5080")]
    [InlineData("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK2", "SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK2;received=192.0.2.10", "192.0.2.10:5060")]
    // rport asked for: filled with the source port, received added even when sent-by is the source (RFC 3581 §4).
    [InlineData("SIP/2.0/UDP 10.1.1.1:5060;rport;branch=z9hG4bK3", "SIP/2.0/UDP 10.1.1.1:5060;rport=40001;branch=z9hG4bK3;received=192.0.2.10", "192.0.2.10:40001")]
    [InlineData("SIP/2.0/UDP 192.0.2.10:5070;rport", "SIP/2.0/UDP 192.0.2.10:5070;rport=40001;received=192.0.2.10", "192.0.2.10:40001")]
    // What a peer writes there itself is replaced: a request does not choose where answers go.
    [InlineData("SIP/2.0/UDP 192.0.2.10:5070;received=203.0.113.9", "SIP/2.0/UDP 192.0.2.10:5070;received=192.0.2.10", "192.0.2.10:5070")]
    [InlineData("SIP/2.0/UDP 10.1.1.1;rport=9;received=203.0.113.9", "SIP/2.0/UDP 10.1.1.1;rport=40001;received=192.0.2.10", "192.0.2.10:40001")]
    public void Datagram_responses_go_where_the_stamped_Via_says(string via, string stamped, string destination)
    {
        var top = ViaHeader.Parse(via);
        ViaStamping.Stamp(top, Source);
        var route = ResponseRouting.For(top, Source, reliable: false);

        Assert.Equal(stamped, top.ToString());
        Assert.Equal(IPEndPoint.Parse(destination), route.Destination);
        Assert.Null(route.Refusal);
        Assert.Equal(Source, route.Source);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.10:5070;maddr=239.255.255.253;ttl=1", "multicast group")]
    [InlineData("SIP/2.0/UDP 192.0.2.10:5070;maddr=198.51.100.77", "another host")]
    public void A_maddr_naming_a_group_or_another_host_is_refused_and_says_why(string via, string why)
    {
        var top = ViaHeader.Parse(via);
        ViaStamping.Stamp(top, Source);
        var route = ResponseRouting.For(top, Source, reliable: false);

        Assert.Null(route.Destination);
        Assert.Contains(why, route.Refusal, StringComparison.Ordinal);
        Assert.Contains("maddr", route.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maddr_naming_the_source_itself_is_used_with_the_sent_by_port()
    {
        var top = ViaHeader.Parse("SIP/2.0/UDP gw.example.net:5090;maddr=192.0.2.10");
        ViaStamping.Stamp(top, Source);

        Assert.Equal(IPEndPoint.Parse("192.0.2.10:5090"), ResponseRouting.For(top, Source, reliable: false).Destination);
    }

    [Theory]
    [InlineData("SIP/2.0/TCP gw.example.net;branch=z9hG4bK4", "192.0.2.10:5060")]
    [InlineData("SIP/2.0/TCP 192.0.2.10:5071;rport;branch=z9hG4bK5", "192.0.2.10:5071")]
    public void A_reliable_transport_answers_on_the_connection_else_a_new_one_to_received_and_the_sent_by_port(string via, string fallback)
    {
        var top = ViaHeader.Parse(via);
        ViaStamping.Stamp(top, Source);
        var route = ResponseRouting.For(top, Source, reliable: true);

        Assert.Equal(Source, route.Source);
        Assert.Equal(IPEndPoint.Parse(fallback), route.Destination);
    }

    [Fact]
    public void IPv6_and_IPv4_mapped_sources_compare_as_addresses_not_as_text()
    {
        var v6 = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 40_002);
        var top = ViaHeader.Parse("SIP/2.0/UDP [2001:DB8:0::1]:5070");
        Assert.False(ViaStamping.Stamp(top, v6));
        Assert.Equal(new IPEndPoint(v6.Address, 5070), ResponseRouting.For(top, v6, reliable: false).Destination);

        var mapped = new IPEndPoint(IPAddress.Parse("192.0.2.10").MapToIPv6(), 40_003);
        var v4 = ViaHeader.Parse("SIP/2.0/UDP 192.0.2.10:5070");
        Assert.False(ViaStamping.Stamp(v4, mapped));
        Assert.Equal(IPEndPoint.Parse("192.0.2.10:5070"), ResponseRouting.For(v4, mapped, reliable: false).Destination);
    }
}
