using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Appliance.Sip.Transport;

namespace Appliance.Telephony.Sip.Internal;

/// <summary>Choosing the addresses the endpoint binds and advertises.</summary>
internal static class SipAddresses
{
    public static SipTransportOptions CopyWithPort(SipTransportOptions source, int port) => new()
    {
        ListenAddress = source.ListenAddress,
        Port = port,
        MaxConnections = source.MaxConnections,
        IdleTimeout = source.IdleTimeout,
        ConnectTimeout = source.ConnectTimeout,
        MaxQueuedMessagesPerConnection = source.MaxQueuedMessagesPerConnection,
    };

    public static IPAddress ChooseAdvertisedAddress(SipMediaOptions media, IPAddress listen)
    {
        if (media.AdvertisedAddress.Length > 0)
        {
            return IPAddress.Parse(media.AdvertisedAddress);
        }

        if (!listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any))
        {
            return listen;
        }

        // Listening everywhere: advertise the first real IPv4 address, else loopback (a box with no network yet).
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }
}
