using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Appliance.Sync.Transport.Internal;

/// <summary>Runs <typeparamref name="TAuthorizer"/> before a service's handlers; a refusal ends the call with its status.</summary>
internal sealed class AuthorizationInterceptor<TAuthorizer>(TAuthorizer authorizer) : Interceptor
    where TAuthorizer : ICallAuthorizer
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        await continuation(request, responseStream, context);
    }

    private async Task AuthorizeAsync(ServerCallContext context)
    {
        var verdict = await authorizer.AuthorizeAsync(context);
        if (verdict.StatusCode != StatusCode.OK)
        {
            throw new RpcException(verdict);
        }
    }
}
