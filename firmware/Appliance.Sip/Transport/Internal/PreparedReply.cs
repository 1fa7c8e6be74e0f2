using System.Net;

namespace Appliance.Sip.Transport.Internal;

/// <summary>An error reply ready for the wire: its bytes, and where a datagram (or a new connection) takes them.</summary>
internal readonly record struct PreparedReply(byte[] Bytes, IPEndPoint Destination);
