using System.Net.Http.Headers;
using Appliance.Core.Ivr;

namespace Appliance.Host.Control;

/// <summary>The prompt requests of the control API.</summary>
public sealed partial class ControlClient
{
    // Converting ten minutes of 96 kHz audio takes a few seconds on the box's ARM core; leave room.
    private static readonly TimeSpan PromptAddTimeout = TimeSpan.FromSeconds(60);

    /// <summary>GET /v1/prompts: every prompt, built-in and added.</summary>
    public async Task<IReadOnlyList<PromptInfo>> ListPromptsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/prompts"), DefaultTimeout, cancellationToken);
        return await ReadAsync<List<PromptInfo>>(response, cancellationToken);
    }

    /// <summary>PUT /v1/prompts/{language}/{name}: stores <paramref name="content"/> (a WAV file) as the prompt.</summary>
    /// <exception cref="ControlRequestException">Refused (400 naming the file and the reason, 413 too large).</exception>
    public async Task<PromptInfo> AddPromptAsync(string language, string name, byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        var uri = $"v1/prompts/{Uri.EscapeDataString(language)}/{Uri.EscapeDataString(name)}?file={Uri.EscapeDataString(fileName)}";
        using var response = await SendAsync(
            () =>
            {
                var body = new ByteArrayContent(content);
                body.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
                return new HttpRequestMessage(HttpMethod.Put, uri) { Content = body };
            },
            PromptAddTimeout,
            cancellationToken);
        return await ReadAsync<PromptInfo>(response, cancellationToken);
    }
}
