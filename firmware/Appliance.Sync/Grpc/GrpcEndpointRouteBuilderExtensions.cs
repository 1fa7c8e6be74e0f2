using Appliance.Sync.Grpc.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Grpc;

/// <summary>Maps gRPC services onto ASP.NET Core endpoints: one <c>POST /package.Service/Method</c> per method.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <paramref name="definition"/>'s service. Methods without a handler answer UNIMPLEMENTED.
    /// Settings come from <see cref="GrpcServerOptions"/> and the clock from <see cref="TimeProvider"/> in DI when registered.
    /// </summary>
    /// <param name="authorizer">Checked on every call of this service before anything is read or applied; null allows all.</param>
    public static IEndpointConventionBuilder MapGrpcService(
        this IEndpointRouteBuilder endpoints, GrpcServiceDefinition definition, IGrpcCallAuthorizer? authorizer = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(definition);
        var (options, time, logger) = Resolve(endpoints.ServiceProvider);
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var method in definition.Service.Methods)
        {
            var binding = definition.Bindings.FirstOrDefault(b => b.Method == method);
            var path = $"/{method.Service.FullName}/{method.Name}";
            var handler = new GrpcServerCallHandler(path, binding, authorizer, options, time, logger);
            builders.Add(endpoints.MapPost(path, (RequestDelegate)handler.HandleAsync).WithDisplayName($"gRPC {path}"));
        }

        return new CompositeEndpointConventionBuilder(builders);
    }

    /// <summary>
    /// Answers UNIMPLEMENTED for any other <c>POST /service/method</c>; call once per application, after the services.
    /// Its route has the lowest priority, so it never shadows another endpoint.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcUnimplemented(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var (options, time, logger) = Resolve(endpoints.ServiceProvider);
        var handler = new GrpcServerCallHandler("/{service}/{method}", null, null, options, time, logger);
        var builder = endpoints.MapPost("/{service}/{method}", (RequestDelegate)handler.HandleAsync).WithDisplayName("gRPC unimplemented");
        builder.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return builder;
    }

    private static (GrpcServerOptions Options, TimeProvider Time, ILogger Logger) Resolve(IServiceProvider services)
    {
        var options = services.GetService<IOptions<GrpcServerOptions>>()?.Value ?? new GrpcServerOptions();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return (options, time, loggerFactory.CreateLogger<GrpcServerCallHandler>());
    }
}
