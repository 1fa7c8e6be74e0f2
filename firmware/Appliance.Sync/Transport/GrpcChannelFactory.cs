using System.Net.Security;
using Appliance.Sync.Transport.Internal;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Transport;

/// <summary>
/// Grpc.Net.Client channels as the box and head office use them: HTTP/2 only (cleartext with prior knowledge for
/// <c>http://</c>, TLS for <c>https://</c>), the limits of <see cref="GrpcClientOptions"/>, optionally a server
/// certificate check of our own (a pin), and several connections when one is full.
/// </summary>
public static class GrpcChannelFactory
{
    /// <param name="validateServerCertificate">For TLS: which server certificates to trust (e.g. <see cref="CertificatePin.Validator"/>); null uses the system store.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting).</exception>
    public static GrpcChannel Create(
        Uri address, GrpcClientOptions? options = null, RemoteCertificateValidationCallback? validateServerCertificate = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new GrpcClientOptions();
        var validation = new GrpcClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            // Pings notice a branch link that died without a FIN long before the next push would.
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = validateServerCertificate;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            MaxSendMessageSize = options.MaxSendMessageSize,
            LoggerFactory = loggerFactory,
        });
    }

    /// <summary>
    /// The channel's calls with the per-call parts of <paramref name="options"/>: gzip request messages when
    /// <see cref="GrpcClientOptions.RequestCompression"/> says so, and <see cref="GrpcClientOptions.DefaultTimeoutSeconds"/>
    /// as the deadline of calls that set none. Pass it to a generated client's constructor.
    /// </summary>
    public static CallInvoker CreateInvoker(this GrpcChannel channel, GrpcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        return channel.Intercept(new ClientCallDefaults(options));
    }
}
