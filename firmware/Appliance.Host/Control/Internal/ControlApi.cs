using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Host.Control.Internal;

/// <summary>The control API served on the Unix domain socket, versioned under /v1.</summary>
internal static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1")
            .MapStatusApi()
            .MapSimCallsApi()
            .MapSimTicketsApi()
            .MapTicketsApi()
            .MapConfigurationApi()
            .MapAgentsApi()
            .MapSupervisionApi()
            .MapPromptsApi()
            .MapBankingApi()
            .MapCampaignsApi()
            .MapQualityApi();
        return endpoints;
    }
}
