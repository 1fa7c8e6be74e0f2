using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Grpc;

/// <summary>Registers the gRPC transport's settings (validated at start) and clock.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GrpcServerOptions"/> from <c>Sync:GrpcServer</c> and <see cref="GrpcClientOptions"/> from
    /// <c>Sync:GrpcClient</c>, both validated on start, and adds <see cref="TimeProvider.System"/> if no clock is registered.
    /// </summary>
    public static IServiceCollection AddGrpcTransport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GrpcServerOptions>().Bind(configuration.GetSection(GrpcServerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<GrpcClientOptions>().Bind(configuration.GetSection(GrpcClientOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcServerOptions>, GrpcServerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcClientOptions>, GrpcClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
