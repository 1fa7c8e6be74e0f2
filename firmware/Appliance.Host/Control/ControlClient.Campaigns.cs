using System.Net.Http.Headers;
using System.Net.Http.Json;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Control;

/// <summary>The campaign requests of the control API; each answer is the JSON text the appliance sent.</summary>
public sealed partial class ControlClient
{
    /// <summary>POST /v1/campaigns: creates a campaign (a draft).</summary>
    /// <exception cref="ControlRequestException">Refused (400 naming the field).</exception>
    public Task<string> CreateCampaignAsync(CampaignCreateRequest request, CancellationToken cancellationToken = default) =>
        PostCampaignAsync("v1/campaigns", () => JsonContent.Create(request, options: ControlJson.Options), cancellationToken);

    /// <summary>POST /v1/campaigns/{name}/contacts: imports a CSV list (UTF-8 or GBK), all or nothing.</summary>
    /// <exception cref="ControlRequestException">Refused (400 naming the line).</exception>
    public Task<string> ImportCampaignContactsAsync(string name, byte[] csv, CancellationToken cancellationToken = default) =>
        PostCampaignAsync(CampaignPath(name, "contacts"), () =>
        {
            var body = new ByteArrayContent(csv);
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            return body;
        }, cancellationToken);

    /// <summary>POST /v1/campaigns/{name}/{action}: start, pause, accept or skip.</summary>
    public Task<string> ChangeCampaignAsync(string name, string action, CancellationToken cancellationToken = default) =>
        PostCampaignAsync(CampaignPath(name, action), () => null, cancellationToken);

    /// <summary>POST /v1/campaigns/{name}/result: an agent's result code for a contact.</summary>
    public Task<string> SetCampaignResultAsync(string name, CampaignContactRequest request, CancellationToken cancellationToken = default) =>
        PostCampaignAsync(CampaignPath(name, "result"), () => JsonContent.Create(request, options: ControlJson.Options), cancellationToken);

    /// <summary>POST /v1/campaigns/dnc: puts a number on the do-not-call list.</summary>
    public Task<string> AddDoNotCallAsync(CampaignContactRequest request, CancellationToken cancellationToken = default) =>
        PostCampaignAsync("v1/campaigns/dnc", () => JsonContent.Create(request, options: ControlJson.Options), cancellationToken);

    /// <summary>GET /v1/campaigns/{name}: the campaign with its contacts, attempts and results.</summary>
    public async Task<string> GetCampaignAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, CampaignPath(name, null)), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static string CampaignPath(string name, string? action) =>
        "v1/campaigns/" + Uri.EscapeDataString(name) + (action is null ? string.Empty : "/" + action);

    private async Task<string> PostCampaignAsync(string path, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = content() }, DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
