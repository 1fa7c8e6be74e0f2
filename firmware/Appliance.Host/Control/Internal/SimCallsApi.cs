using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>POST /v1/sim/calls: runs a simulated call through <see cref="ISimulatedCallRunner"/> and answers how it ended.</summary>
internal static class SimCallsApi
{
    private const string LogCategory = "Appliance.Host.Control.SimCalls";

    public static RouteGroupBuilder MapSimCallsApi(this RouteGroupBuilder v1)
    {
        var sim = v1.MapGroup("/sim");
        sim.MapPost("/calls", RunAsync);
        return v1;
    }

    private static async Task<Results<JsonHttpResult<SimCallResult>, ProblemHttpResult, EmptyHttpResult>> RunAsync(
        HttpContext context,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(LogCategory);
        var (request, problem) = await ReadRequestAsync(context);
        if (request is null)
        {
            ControlLog.SimCallRefused(logger, problem!);
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "bad simulated call request");
        }

        // Resolved per request: a build without telephony wiring still serves status, and says why calls are unavailable.
        var runner = context.RequestServices.GetService<ISimulatedCallRunner>();
        if (runner is null)
        {
            return TypedResults.Problem(
                "simulated calls are not available in this build (no ISimulatedCallRunner is registered)",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        ControlLog.SimCallRequested(logger, request.Line, request.From);
        try
        {
            var result = await runner.RunAsync(request, context.RequestAborted);
            ControlLog.SimCallEnded(logger, result.CallId, result.Line, result.Outcome);
            return TypedResults.Json(result, ControlJson.Options);
        }
        catch (SimCallRejectedException ex)
        {
            ControlLog.SimCallRefused(logger, ex.Message);
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "bad simulated call request");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            ControlLog.SimCallClientGone(logger, request.Line);
            return TypedResults.Empty;
        }
        catch (Exception ex)
        {
            ControlLog.SimCallFailed(logger, request.Line, ex);
            return TypedResults.Problem($"the simulated call failed inside the appliance: {ex.Message}", statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    // Read by hand rather than by parameter binding so a bad body gets a message saying what is wrong with it.
    private static async Task<(SimCallRequest? Request, string? Problem)> ReadRequestAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, "the request body must be JSON (Content-Type: application/json)");
        }

        SimCallRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<SimCallRequest>(ControlJson.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return (null, $"the request body is not a valid simulated call: {ex.Message}");
        }

        if (request is null)
        {
            return (null, "the request body is empty (expected {\"line\": 1, \"from\": \"13800138000\", ...})");
        }

        var problem = SimCallRequestValidation.Validate(request);
        return problem is null ? (request, null) : (null, problem);
    }
}
