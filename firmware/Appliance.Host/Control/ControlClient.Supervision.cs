using System.Net.Http.Json;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Control;

/// <summary>The supervision requests of the control API.</summary>
public sealed partial class ControlClient
{
    /// <summary>POST /v1/supervisions: rings the supervisor and answers once they joined the agent's call.</summary>
    /// <exception cref="ControlRequestException">Refused (400, 403, 404, 409, with the reason as the message).</exception>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public async Task<SupervisionResult> StartSupervisionAsync(SuperviseRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/supervisions") { Content = JsonContent.Create(request, options: ControlJson.Options) },
            timeout,
            cancellationToken);
        return await ReadAsync<SupervisionResult>(response, cancellationToken);
    }

    /// <summary>PUT /v1/supervisions/{id}: switches the supervision's mode.</summary>
    /// <exception cref="ControlRequestException">Refused (400 bad mode, 404 no such supervision).</exception>
    public async Task<SupervisionResult> ChangeSupervisionModeAsync(string id, string mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, "v1/supervisions/" + Uri.EscapeDataString(id))
            {
                Content = JsonContent.Create(new SupervisionModeRequest(mode), options: ControlJson.Options),
            },
            DefaultTimeout,
            cancellationToken);
        return await ReadAsync<SupervisionResult>(response, cancellationToken);
    }

    /// <summary>DELETE /v1/supervisions/{id}: ends the supervision.</summary>
    /// <exception cref="ControlRequestException">Refused (404 no such supervision).</exception>
    public async Task<SupervisionResult> StopSupervisionAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, "v1/supervisions/" + Uri.EscapeDataString(id)), DefaultTimeout, cancellationToken);
        return await ReadAsync<SupervisionResult>(response, cancellationToken);
    }
}
