using Appliance.Core.Complaints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// /tickets under a group: POST creates, GET lists (?status=, ?limit=), GET /{id} shows (with its history), PATCH /{id}
/// changes. The control API and the agent API map the same endpoints; they differ in who the actor is (the request's
/// "agent" field, or the digest-authenticated agent). Refusals: 400 naming the field, 404 unknown id, 409 stale revision.
/// </summary>
internal static class TicketEndpoints
{
    public const int MaxListLimit = 500;

    public static RouteGroupBuilder MapTicketEndpoints(
        this RouteGroupBuilder group, Func<HttpContext, ComplaintService?> serviceOf, Func<HttpContext, string?, string?> actorOf)
    {
        group.MapPost("/tickets", async (HttpContext http) =>
        {
            var (request, problem) = await ReadAsync<TicketCreateRequest>(http, "{\"category\": \"card-fee\", \"customerNumber\": \"139…\", \"channel\": \"phone\", \"description\": \"…\"}");
            if (request is null || serviceOf(http) is not { } service)
            {
                return Unavailable(problem);
            }

            var actor = actorOf(http, request.Agent);
            return Run(() => Results.Json(TicketView.From(service.Create(new NewComplaint(
                request.Category, request.SubCategory ?? "", request.CustomerNumber, request.CustomerName ?? "", request.MaskedAccount,
                request.Channel, request.Description, request.CallId, actor!))), ControlJson.Options, statusCode: StatusCodes.Status201Created));
        });

        group.MapGet("/tickets", (HttpContext http, string? status, int? limit) =>
        {
            if (serviceOf(http) is not { } service)
            {
                return Unavailable(null);
            }

            if (status is not null && !ComplaintStatuses.All.Contains(status))
            {
                return Bad($"status: '{status}' is unknown; it must be one of {string.Join(", ", ComplaintStatuses.All)}");
            }

            if (limit is < 1 or > MaxListLimit)
            {
                return Bad($"limit: {limit} must be between 1 and {MaxListLimit}");
            }

            return Results.Json(service.List(status, limit ?? 50).Select(TicketView.From).ToList(), ControlJson.Options);
        });

        group.MapGet("/tickets/{id}", (HttpContext http, string id) =>
        {
            if (serviceOf(http) is not { } service)
            {
                return Unavailable(null);
            }

            return service.Get(id) is { } ticket
                ? Results.Json(new { ticket = TicketView.From(ticket), history = service.History(id) }, ControlJson.Options)
                : TypedResults.Problem($"ticket '{id}': no complaint ticket with this id exists", statusCode: StatusCodes.Status404NotFound);
        });

        group.MapPatch("/tickets/{id}", async (HttpContext http, string id) =>
        {
            var (request, problem) = await ReadAsync<TicketUpdateRequest>(http, "{\"revision\": 1, \"status\": \"dispatched\"}");
            if (request is null || serviceOf(http) is not { } service)
            {
                return Unavailable(problem);
            }

            var actor = actorOf(http, request.Agent);
            return Run(() => Results.Json(TicketView.From(service.Update(new ComplaintChange(
                id, request.Revision, actor!, request.Status, request.Department, request.Satisfaction, request.Note))), ControlJson.Options));
        });
        return group;
    }

    private static IResult Run(Func<IResult> work)
    {
        try
        {
            return work();
        }
        catch (ComplaintException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: ex.Failure switch
            {
                ComplaintFailure.NotFound => StatusCodes.Status404NotFound,
                ComplaintFailure.StaleRevision => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            });
        }
    }

    private static Task<(T? Request, string? Problem)> ReadAsync<T>(HttpContext http, string example)
        where T : class =>
        ControlRequestBody.ReadAsync<T>(http, $"the request body is empty (expected e.g. {example})", "the request body is not a valid ticket request");

    private static IResult Unavailable(string? problem) => problem is null
        ? TypedResults.Problem("complaint tickets are not available in this build (no ComplaintService is registered)", statusCode: StatusCodes.Status503ServiceUnavailable)
        : Bad(problem);

    private static IResult Bad(string problem) => TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
}
