using System.Net.Http.Json;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Control;

/// <summary>The complaint-ticket requests of the control API; answers are returned as the JSON text the appliance sent.</summary>
public sealed partial class ControlClient
{
    /// <summary>POST /v1/tickets.</summary>
    /// <exception cref="ControlRequestException">Refused (400 naming the field).</exception>
    public async Task<string> CreateTicketAsync(TicketCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/tickets") { Content = JsonContent.Create(request, options: ControlJson.Options) },
            DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>PATCH /v1/tickets/{id}.</summary>
    /// <exception cref="ControlRequestException">Refused (400 bad change, 404 unknown id, 409 stale revision).</exception>
    public async Task<string> UpdateTicketAsync(string id, TicketUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Patch, "v1/tickets/" + Uri.EscapeDataString(id)) { Content = JsonContent.Create(request, options: ControlJson.Options) },
            DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>GET /v1/tickets/{id}: the ticket and its history.</summary>
    public async Task<string> GetTicketAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/tickets/" + Uri.EscapeDataString(id)), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>GET /v1/tickets?status=&amp;limit=.</summary>
    public async Task<string> ListTicketsAsync(string? status, int limit, CancellationToken cancellationToken = default)
    {
        var query = $"v1/tickets?limit={limit}" + (status is null ? "" : "&status=" + Uri.EscapeDataString(status));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, query), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
