using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Contracts;

/// <summary>The descriptors of <c>appliance.report.v1.ReportService</c>, for binding a server and calling it.</summary>
public static class ReportServiceContract
{
    /// <summary>The service, from the generated file descriptor of report.proto.</summary>
    public static ServiceDescriptor Service { get; } = ReportReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReportService");

    /// <summary>Unary: GetKpisRequest → GetKpisResponse.</summary>
    public static MethodDescriptor GetKpis { get; } = Service.FindMethodByName("GetKpis");

    /// <summary>Unary: ListCallsRequest → ListCallsResponse.</summary>
    public static MethodDescriptor ListCalls { get; } = Service.FindMethodByName("ListCalls");

    /// <summary>Server streaming: WatchEventsRequest → stream of LiveEvent.</summary>
    public static MethodDescriptor WatchEvents { get; } = Service.FindMethodByName("WatchEvents");
}
