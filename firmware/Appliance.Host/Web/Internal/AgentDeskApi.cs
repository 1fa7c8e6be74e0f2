using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Web.Internal;

/// <summary>
/// /agent/v1 for agents' desktops, every endpoint behind HTTP Digest with the agent's own phone credentials, and each
/// answering only about the agent who authenticated (no endpoint takes an agent id):
/// GET /agent/v1/offers/current (the screen pop of the offer ringing or the call in progress, 404 when none) and
/// GET /agent/v1/offers/stream (server-sent events: "offer" with the screen pop, "end" when it ends); the group is
/// returned so other agent endpoints (<see cref="AgentTimeApi"/>) sit behind the same authentication.
/// </summary>
internal static class AgentDeskApi
{
    public const string AgentKey = "appliance.agent";

    public static RouteGroupBuilder MapAgentDeskApi(this IEndpointRouteBuilder app, ScreenPopFeed feed, ScreenPopBuilder builder, HttpDigestAuthenticator digest, ILogger logger)
    {
        var v1 = app.MapGroup("/agent/v1");
        v1.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? "/";
            var outcome = digest.Verify(http.Request.Headers.Authorization.ToString(), http.Request.Method, target);
            if (outcome.Result == DigestResult.Authenticated)
            {
                http.Items[AgentKey] = outcome.AgentId;
                return await next(context);
            }

            // A first request without credentials and a stale nonce are the normal Digest handshake: not worth a warning.
            if (outcome.Result is DigestResult.Rejected or DigestResult.Malformed)
            {
                WebLog.Refused(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString(), outcome.Problem);
            }

            if (outcome.Result == DigestResult.Malformed)
            {
                return TypedResults.Problem(outcome.Problem, statusCode: StatusCodes.Status400BadRequest);
            }

            foreach (var challenge in digest.Challenges(stale: outcome.Result == DigestResult.Stale))
            {
                http.Response.Headers.Append("WWW-Authenticate", challenge);
            }

            return TypedResults.Problem(outcome.Problem, statusCode: StatusCodes.Status401Unauthorized);
        });

        v1.MapGet("/offers/current", (HttpContext http) =>
            feed.CurrentFor(AgentOf(http)) is { } offer
                ? Results.Json(builder.Build(offer), WebJson.Options)
                : TypedResults.Problem($"no call is offered to agent '{AgentOf(http)}' right now", statusCode: StatusCodes.Status404NotFound));

        // Streams never end by themselves: they end when the desktop goes away or the listener stops, so stopping the
        // box does not wait out the shutdown timeout for them.
        var stopping = app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        v1.MapGet("/offers/stream", (HttpContext http) =>
            TypedResults.ServerSentEvents(StreamAsync(AgentOf(http), feed, builder, logger, http.RequestAborted, stopping)));

        // Anything else under /agent/v1 gets a clear answer rather than an empty 404 (after authentication, like the rest).
        v1.MapFallback((HttpContext http) =>
            TypedResults.Problem($"there is no {http.Request.Method} {http.Request.Path}; see /agent/v1/offers/current, /agent/v1/offers/stream, /agent/v1/time and /agent/v1/tickets", statusCode: StatusCodes.Status404NotFound));
        return v1;
    }

    private static string AgentOf(HttpContext http) => (string)http.Items[AgentKey]!;

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        string agentId, ScreenPopFeed feed, ScreenPopBuilder builder, ILogger logger, CancellationToken requestAborted, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var streamEnd = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping, cancellationToken);
        using var stream = feed.Subscribe(agentId);
        WebLog.StreamOpened(logger, agentId);
        try
        {
            while (await WaitAsync(stream, streamEnd.Token))
            {
                while (stream.Reader.TryRead(out var offer))
                {
                    yield return offer.EndedAt is { } ended
                        ? new SseItem<string>(JsonSerializer.Serialize(new ScreenPopEnd(offer.CallId, offer.AgentId, ended), WebJson.Options), "end")
                        : new SseItem<string>(JsonSerializer.Serialize(builder.Build(offer), WebJson.Options), "offer");
                }
            }
        }
        finally
        {
            WebLog.StreamClosed(logger, agentId);
        }
    }

    // A desktop closing the stream cancels the wait; that is the stream's normal end, not an error.
    private static async Task<bool> WaitAsync(OfferStream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.Reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
