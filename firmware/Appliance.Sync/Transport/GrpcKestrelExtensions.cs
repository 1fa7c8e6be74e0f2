using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Appliance.Sync.Transport;

/// <summary>Kestrel endpoints for gRPC: HTTP/2 only, cleartext (prior knowledge) or TLS.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens on <paramref name="endpoint"/> for HTTP/2 only. Without a certificate the endpoint speaks cleartext
    /// HTTP/2 with prior knowledge (h2c); with one it speaks TLS (ALPN h2).
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endpoint, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Listen(endpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        });
    }
}
