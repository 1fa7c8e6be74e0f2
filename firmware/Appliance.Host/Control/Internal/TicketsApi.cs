using Appliance.Core.Complaints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Control.Internal;

/// <summary>/v1/tickets on the control socket: the actor is the request's "agent" field (required there).</summary>
internal static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder v1) =>
        v1.MapTicketEndpoints(http => http.RequestServices.GetService<ComplaintService>(), (_, agent) => agent);
}
