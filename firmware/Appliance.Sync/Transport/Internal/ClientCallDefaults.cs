using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Appliance.Sync.Transport.Internal;

/// <summary>Puts <see cref="GrpcClientOptions"/>' request compression and default deadline on every call.</summary>
internal sealed class ClientCallDefaults(GrpcClientOptions options) : Interceptor
{
    // Grpc.Net.Client compresses a call's request messages with the algorithm this header names; it is not sent.
    private const string RequestEncodingHeader = "grpc-internal-encoding-request";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Apply(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Apply(context));

    private ClientInterceptorContext<TRequest, TResponse> Apply<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var call = context.Options;
        if (options.RequestCompression == "gzip")
        {
            // A copy: callers reuse their metadata across calls, and the header must not pile up in it.
            var headers = new Metadata();
            foreach (var entry in call.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add(RequestEncodingHeader, "gzip");
            call = call.WithHeaders(headers);
        }

        if (call.Deadline is null && options.DefaultTimeoutSeconds > 0)
        {
            // Grpc.Net.Client times deadlines on the system clock, so the deadline is taken from it too.
            call = call.WithDeadline(DateTime.UtcNow.AddSeconds(options.DefaultTimeoutSeconds));
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, call);
    }
}
