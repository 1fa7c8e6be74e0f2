using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Contracts;

/// <summary>The descriptors of <c>appliance.sync.v1.SyncService</c>, for binding a server and calling it.</summary>
public static class SyncServiceContract
{
    /// <summary>The service, from the generated file descriptor of sync.proto.</summary>
    public static ServiceDescriptor Service { get; } = SyncReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SyncService");

    /// <summary>Unary: PushBatchRequest → PushBatchResponse.</summary>
    public static MethodDescriptor PushBatch { get; } = Service.FindMethodByName("PushBatch");
}
