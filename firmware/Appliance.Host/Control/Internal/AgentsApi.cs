using System.Text.Json;
using Appliance.Core.Acd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// GET /v1/agents lists agents' states; POST /v1/agents/{id}/state logs an agent in or out, makes them ready or
/// pauses them with a reason. A bad agent id, command or reason is refused (400) naming what is wrong, changing nothing.
/// </summary>
internal static class AgentsApi
{
    private const string LogCategory = "Appliance.Host.Control.Agents";

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/agents", ListAsync);
        v1.MapPost("/agents/{id}/state", ApplyAsync);
        return v1;
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<AgentSummary>>, ProblemHttpResult>> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<IAgentDesk>() is not { } desk)
        {
            return Unavailable();
        }

        return TypedResults.Json(await desk.ListAsync(cancellationToken), ControlJson.Options);
    }

    private static async Task<Results<JsonHttpResult<AgentSummary>, ProblemHttpResult>> ApplyAsync(string id, HttpContext context, ILoggerFactory loggerFactory)
    {
        if (context.RequestServices.GetService<IAgentDesk>() is not { } desk)
        {
            return Unavailable();
        }

        var logger = loggerFactory.CreateLogger(LogCategory);
        var (command, reason, problem) = await ReadAsync(context);
        if (problem is null)
        {
            try
            {
                var agent = await desk.ApplyAsync(id, command, reason, context.RequestAborted);
                AgentsApiLog.Applied(logger, id, command.ToString(), reason, agent.Status);
                return TypedResults.Json(agent, ControlJson.Options);
            }
            catch (AgentStateRefusedException refused)
            {
                problem = refused.Message;
            }
        }

        AgentsApiLog.Refused(logger, id, problem);
        return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<(AgentCommand Command, string? Reason, string? Problem)> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (default, null, "the request body must be JSON (Content-Type: application/json)");
        }

        AgentStateRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<AgentStateRequest>(ControlJson.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return (default, null, $"the request body is not an agent state request: {ex.Message}");
        }

        return request switch
        {
            null => (default, null, "the request body is empty (expected {\"command\": \"pause\", \"reason\": \"1\"})"),
            { Command: "pause", Reason: null or "" } => (default, null, "reason: pause needs a pause reason code"),
            { Command: "pause" } => (AgentCommand.Pause, request.Reason, null),
            { Reason: not null } => (default, null, $"reason: only pause takes a reason, not {request.Command}"),
            { Command: "login" } => (AgentCommand.LogIn, null, null),
            { Command: "logout" } => (AgentCommand.LogOut, null, null),
            { Command: "ready" } => (AgentCommand.Ready, null, null),
            _ => (default, null, $"command: '{request.Command}' is not login, logout, ready or pause"),
        };
    }

    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem("this appliance runs without a call center", statusCode: StatusCodes.Status503ServiceUnavailable);
}
