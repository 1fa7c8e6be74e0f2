using System.Globalization;
using System.Text.Json;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// POST /v1/sim/tickets: creates tickets the way an agent's screen would (each with its outbox entry, in one SQLite
/// transaction), so testers can drive head-office sync without a real agent.
/// </summary>
internal static class SimTicketsApi
{
    private const string LogCategory = "Appliance.Host.Control.SimTickets";

    public static RouteGroupBuilder MapSimTicketsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/sim/tickets", CreateAsync);
        return v1;
    }

    private static async Task<Results<JsonHttpResult<SimTicketResult>, ProblemHttpResult>> CreateAsync(HttpContext context, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(LogCategory);
        var (request, problem) = await ReadRequestAsync(context);
        var tickets = context.RequestServices.GetService<TicketRepository>();
        if (request is null || tickets is null)
        {
            problem ??= "tickets are not available in this build (no TicketRepository is registered)";
            SimTicketLog.Refused(logger, problem);
            return TypedResults.Problem(problem, statusCode: tickets is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest);
        }

        var branch = context.RequestServices.GetService<IOptions<OutboxPumpOptions>>()?.Value.BranchId is { Length: > 0 } id ? id : "branch";
        var created = new List<string>(request.Count);
        for (var i = request.First; i < request.First + request.Count; i++)
        {
            var ticketId = string.Create(CultureInfo.InvariantCulture, $"{request.Prefix}-{i}");
            try
            {
                tickets.Create(new TicketRecord(ticketId, branch, request.Type, "open", Notes: "created by appliance sim ticket"));
            }
            catch (StorageException ex) when (ex.Failure is StorageFailure.Conflict or StorageFailure.InvalidRecord)
            {
                var reason = $"{ex.Message} ({created.Count} created before it)";
                SimTicketLog.Refused(logger, reason);
                return TypedResults.Problem(reason, statusCode: ex.Failure == StorageFailure.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
            }

            created.Add(ticketId);
        }

        SimTicketLog.Created(logger, request.Prefix, request.First, request.Count);
        return TypedResults.Json(new SimTicketResult(created), ControlJson.Options);
    }

    private static async Task<(SimTicketRequest? Request, string? Problem)> ReadRequestAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, "the request body must be JSON (Content-Type: application/json)");
        }

        try
        {
            var request = await context.Request.ReadFromJsonAsync<SimTicketRequest>(ControlJson.Options, context.RequestAborted);
            if (request is null)
            {
                return (null, "the request body is empty (expected {\"prefix\": \"t\", \"count\": 1})");
            }

            return SimTicketRequestValidation.Validate(request) is { } problem ? (null, problem) : (request, null);
        }
        catch (JsonException ex)
        {
            return (null, $"the request body is not a valid ticket request: {ex.Message}");
        }
    }
}
