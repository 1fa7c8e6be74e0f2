using System.Net.Http.Json;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Control;

/// <summary>The QA requests of the control API; answers are returned as the JSON text the appliance sent.</summary>
public sealed partial class ControlClient
{
    /// <summary>POST /v1/qa/sample: draws (once) the review list of the week containing <paramref name="week"/> (yyyy-MM-dd), or of the last complete week.</summary>
    public async Task<string> SampleQaAsync(string? week, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/qa/sample") { Content = JsonContent.Create(new QaSampleRequest(week), options: ControlJson.Options) },
            DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>GET /v1/qa/list?week=.</summary>
    public async Task<string> ListQaAsync(string? week, CancellationToken cancellationToken = default)
    {
        var query = "v1/qa/list" + (week is null ? "" : "?week=" + Uri.EscapeDataString(week));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, query), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>POST /v1/qa/scores.</summary>
    /// <exception cref="ControlRequestException">Refused (400 bad answer, 404 unknown call or scorecard, 409 already scored).</exception>
    public async Task<string> ScoreQaAsync(QaScoreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/qa/scores") { Content = JsonContent.Create(request, options: ControlJson.Options) },
            DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>GET /v1/qa/calls/{id}: the call and its scores.</summary>
    public async Task<string> ShowQaAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callId);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/qa/calls/" + Uri.EscapeDataString(callId)), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
