using System.Text.RegularExpressions;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Appliance.Sync.Transport.Internal;

/// <summary>
/// What the gRPC spec asks of a request and Grpc.AspNetCore lets through, refused before any handler runs (and after the
/// request message was read, which <see cref="RequestGuard"/> is told): a method
/// path in other letter case (ASP.NET Core routing ignores case; gRPC method names are case-sensitive) gets
/// UNIMPLEMENTED, and a grpc-timeout that breaks the grammar (1-8 digits and a unit) gets INTERNAL instead of being
/// ignored as if the caller had no deadline.
/// </summary>
internal sealed partial class RequestChecks : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private static void Check(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        http.Items[RequestGuard.MessageRead] = true;
        var request = http.Request;
        var method = http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
        if (!string.Equals(request.Path.Value, method, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"Method {request.Path.Value} is not implemented."));
        }

        var timeout = request.Headers["grpc-timeout"].ToString();
        if (timeout.Length > 0 && !TimeoutGrammar().IsMatch(timeout))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Malformed grpc-timeout header '{timeout}'."));
        }
    }

    [GeneratedRegex(@"^[0-9]{1,8}[HMSmun]\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeoutGrammar();
}
