using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Appliance.Sync.Grpc.Internal;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Grpc;

/// <summary>
/// A gRPC client over HttpClient, HTTP/2 only: cleartext with prior knowledge for <c>http://</c> addresses, TLS for
/// <c>https://</c>. Methods are named by their protobuf <see cref="MethodDescriptor"/>, so any service's generated
/// descriptor can be called without per-method code. Failed calls throw <see cref="RpcException"/>.
/// </summary>
public sealed class GrpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly GrpcClientOptions _options;
    private readonly TimeProvider _time;

    /// <param name="handler">Null for <see cref="CreateHandler"/>'s defaults; the client disposes it.</param>
    public GrpcClient(Uri address, GrpcClientOptions? options = null, HttpMessageHandler? handler = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        _options = options ?? new GrpcClientOptions();
        var validation = new GrpcClientOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _http = new HttpClient(handler ?? CreateHandler(), disposeHandler: true)
        {
            BaseAddress = address,
            // Deadlines are per call (grpc-timeout); HttpClient's own 100 s cap would cut long streams.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Address = address;
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    /// <summary>
    /// A handler suited to gRPC: several HTTP/2 connections when one is full, keep-alive pings to notice dead links.
    /// </summary>
    /// <param name="validateServerCertificate">For TLS: decides which server certificates to trust (e.g. a pinned one); null uses the system store.</param>
    /// <param name="clientCertificate">For TLS: this box's identity, offered to servers that ask for one.</param>
    public static SocketsHttpHandler CreateHandler(
        RemoteCertificateValidationCallback? validateServerCertificate = null, X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = validateServerCertificate;
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return handler;
    }

    /// <summary>Makes a unary call.</summary>
    /// <exception cref="RpcException">The call did not end with OK.</exception>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        MethodDescriptor method, TRequest request, GrpcCallOptions? callOptions = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        CheckTypes<TRequest, TResponse>(method, serverStreaming: false);
        using var call = new GrpcClientCall(_http, method, _options, callOptions, _time);
        await call.StartAsync(request, callOptions?.Headers);
        var response = await call.ReadNextAsync()
            ?? throw new RpcException(GrpcStatusCode.Internal, "Bad gRPC response: OK status but no response message.");
        if (await call.ReadNextAsync() is not null)
        {
            throw new RpcException(GrpcStatusCode.Internal, "Bad gRPC response: more than one message for a unary call.");
        }

        return (TResponse)response;
    }

    /// <summary>Makes a server-streaming call; enumerate to receive the messages as they arrive.</summary>
    /// <exception cref="RpcException">Thrown from the enumeration when the call does not end with OK.</exception>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        MethodDescriptor method, TRequest request, GrpcCallOptions? callOptions = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        CheckTypes<TRequest, TResponse>(method, serverStreaming: true);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callOptions?.CancellationToken ?? default, cancellationToken);
        var options = new GrpcCallOptions { Deadline = callOptions?.Deadline, Headers = callOptions?.Headers, CancellationToken = linked.Token };
        using var call = new GrpcClientCall(_http, method, _options, options, _time);
        await call.StartAsync(request, options.Headers);
        while (await call.ReadNextAsync() is { } message)
        {
            yield return (TResponse)message;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static void CheckTypes<TRequest, TResponse>(MethodDescriptor method, bool serverStreaming)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.IsClientStreaming || method.IsServerStreaming != serverStreaming)
        {
            throw new ArgumentException($"{method.FullName} is not a {(serverStreaming ? "server-streaming" : "unary")} method.", nameof(method));
        }

        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{method.FullName} takes {method.InputType.ClrType.Name} and returns {method.OutputType.ClrType.Name}.", nameof(method));
        }
    }
}
