using Appliance.Sip.Parsing;
using Appliance.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Support;

/// <summary>Real transports on 127.0.0.1 with a port the OS picks.</summary>
internal static class LoopbackTransports
{
    public static SipTransportOptions Options(Action<SipTransportOptions>? configure = null)
    {
        var options = new SipTransportOptions { ListenAddress = "127.0.0.1", Port = 0 };
        configure?.Invoke(options);
        return options;
    }

    public static UdpSipTransport Udp(TimeProvider? time = null, Action<SipTransportOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(configure)), new SipMessageParser(), time ?? TimeProvider.System, NullLogger<UdpSipTransport>.Instance);

    public static TcpSipTransport Tcp(TimeProvider? time = null, Action<SipTransportOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(configure)), new SipMessageParser(), time ?? TimeProvider.System, NullLogger<TcpSipTransport>.Instance);
}
