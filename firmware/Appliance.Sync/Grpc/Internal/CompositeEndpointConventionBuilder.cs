using Microsoft.AspNetCore.Builder;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Applies a convention (auth policy, metadata) to every endpoint of a mapped service.</summary>
internal sealed class CompositeEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }
}
