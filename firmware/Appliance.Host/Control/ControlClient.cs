using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Control;

/// <summary>
/// Talks HTTP to a running appliance over its Unix domain control socket (the way the CLI verbs do).
/// </summary>
public sealed partial class ControlClient : IDisposable
{
    /// <summary>How long a quick request (status, version) may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // The host name is never resolved (the socket is the transport); it only fills the Host header.
    private static readonly Uri BaseAddress = new("http://appliance/");

    private readonly HttpClient _http;

    public ControlClient(string socketPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        SocketPath = Path.GetFullPath(socketPath);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };

        // Per-request timeouts below: a simulated call may legitimately take minutes.
        _http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SocketPath { get; }

    /// <summary>GET /v1/status, as the JSON text the appliance sent.</summary>
    public async Task<string> GetStatusJsonAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/status"), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>GET /v1/version.</summary>
    public async Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/version"), DefaultTimeout, cancellationToken);
        return await ReadAsync<VersionInfo>(response, cancellationToken);
    }

    /// <summary>POST /v1/sim/calls: runs a simulated call and waits for its end.</summary>
    /// <exception cref="ControlRequestException">The appliance refused the request (400) or failed running it.</exception>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public async Task<SimCallResult> RunSimulatedCallAsync(SimCallRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/sim/calls") { Content = JsonContent.Create(request, options: ControlJson.Options) },
            timeout,
            cancellationToken);
        return await ReadAsync<SimCallResult>(response, cancellationToken);
    }

    /// <summary>POST /v1/sim/tickets: creates tickets, each with its outbox entry.</summary>
    /// <exception cref="ControlRequestException">The appliance refused the request (400, 409) or failed running it.</exception>
    public async Task<SimTicketResult> CreateSimulatedTicketsAsync(SimTicketRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/sim/tickets") { Content = JsonContent.Create(request, options: ControlJson.Options) },
            timeout,
            cancellationToken);
        return await ReadAsync<SimTicketResult>(response, cancellationToken);
    }

    /// <summary>GET /v1/config: the configuration document in force.</summary>
    public async Task<string> ExportConfigurationAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/config"), DefaultTimeout, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>PUT /v1/config: imports a configuration document; a refusal (400) comes back with its errors, not as an exception.</summary>
    public async Task<ConfigurationImportResult> ImportConfigurationAsync(string document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, "v1/config") { Content = new StringContent(document, System.Text.Encoding.UTF8, "application/json") },
            DefaultTimeout,
            cancellationToken,
            acceptBadRequest: true);
        return await ReadAsync<ConfigurationImportResult>(response, cancellationToken);
    }

    /// <summary>GET /v1/agents: every agent's state.</summary>
    public async Task<IReadOnlyList<AgentSummary>> ListAgentsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/agents"), DefaultTimeout, cancellationToken);
        return await ReadAsync<List<AgentSummary>>(response, cancellationToken);
    }

    /// <summary>POST /v1/agents/{id}/state: logs an agent in or out, makes them ready or pauses them.</summary>
    /// <exception cref="ControlRequestException">The appliance refused it (400: no such agent, command or reason).</exception>
    public async Task<AgentSummary> SetAgentStateAsync(string agentId, AgentStateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "v1/agents/" + Uri.EscapeDataString(agentId) + "/state")
            {
                Content = JsonContent.Create(request, options: ControlJson.Options),
            },
            DefaultTimeout,
            cancellationToken);
        return await ReadAsync<AgentSummary>(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest, TimeSpan timeout, CancellationToken cancellationToken, bool acceptBadRequest = false)
    {
        if (!File.Exists(SocketPath))
        {
            throw new ApplianceNotRunningException($"there is no control socket at {SocketPath}");
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var request = createRequest();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException socketError)
        {
            throw new ApplianceNotRunningException(
                $"nothing answers on {SocketPath} ({socketError.SocketErrorCode}): it is left over from an appliance that stopped", ex);
        }
        catch (HttpRequestException ex)
        {
            // Connected, then lost: the appliance stopped or crashed while answering.
            throw new ControlRequestException($"the connection to the appliance on {SocketPath} failed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the appliance did not answer within {timeout.TotalSeconds:0.#} s", ex);
        }

        if (response.IsSuccessStatusCode || (acceptBadRequest && response.StatusCode == HttpStatusCode.BadRequest
                                              && response.Content.Headers.ContentType?.MediaType == "application/json"))
        {
            return response;
        }

        using (response)
        {
            throw new ControlRequestException(response.StatusCode, await ReadProblemAsync(response, cancellationToken));
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, cancellationToken)
                ?? throw new ControlRequestException(response.StatusCode, "the appliance answered with an empty body");
        }
        catch (JsonException ex)
        {
            throw new ControlRequestException(response.StatusCode, $"the appliance answered with unreadable JSON: {ex.Message}");
        }
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(body);
            foreach (var field in (ReadOnlySpan<string>)["detail", "title"])
            {
                if (problem.RootElement.TryGetProperty(field, out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return text.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document; fall through to the raw text.
        }

        var status = (int)response.StatusCode;
        return string.IsNullOrWhiteSpace(body) ? $"the appliance answered {status} {response.ReasonPhrase}" : $"{status}: {body.Trim()}";
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
