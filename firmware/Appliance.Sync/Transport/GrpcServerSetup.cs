using Appliance.Sync.Transport.Internal;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Transport;

/// <summary>Grpc.AspNetCore as both servers (head office's sync service, the box's report service) run it.</summary>
public static class GrpcServerSetup
{
    /// <summary>
    /// Adds Grpc.AspNetCore with the limits and response compression of <see cref="GrpcServerOptions"/> (taken from
    /// <c>IOptions&lt;GrpcServerOptions&gt;</c>), the request checks every service gets, the standard health service
    /// (<c>grpc.health.v1.Health</c>, reporting the checks registered with <c>AddHealthChecks()</c>) and one log line per request.
    /// </summary>
    public static IGrpcServerBuilder AddApplianceGrpc(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<GrpcServerOptions>>((grpc, settings) =>
        {
            grpc.MaxReceiveMessageSize = settings.Value.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = settings.Value.MaxSendMessageSize;
            // Compresses only for clients whose grpc-accept-encoding lists gzip.
            grpc.ResponseCompressionAlgorithm = settings.Value.ResponseCompression == "gzip" ? "gzip" : null;
            // Exception texts stay in the log: they may hold internals a caller must not see.
            grpc.EnableDetailedErrors = false;
        });
        var builder = services.AddGrpc(grpc => grpc.Interceptors.Add<RequestChecks>());
        services.AddGrpcHealthChecks();
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestProtocol
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>
    /// Checks every call of <typeparamref name="TService"/> with the <typeparamref name="TAuthorizer"/> registered in
    /// the services before its handler runs (the health service stays open).
    /// </summary>
    public static IGrpcServerBuilder AuthorizeWith<TService, TAuthorizer>(this IGrpcServerBuilder builder)
        where TService : class
        where TAuthorizer : class, ICallAuthorizer
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddServiceOptions<TService>(grpc => grpc.Interceptors.Add<AuthorizationInterceptor<TAuthorizer>>());
    }

    /// <summary>
    /// The middleware in front of the gRPC endpoints: request logging, HTTP 415 for content types naming a codec other
    /// than protobuf, and INTERNAL for request messages that cannot be read (see <see cref="RequestGuard"/>).
    /// </summary>
    public static IApplicationBuilder UseApplianceGrpc(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpLogging();
        return app.Use(RequestGuard.InvokeAsync);
    }
}
