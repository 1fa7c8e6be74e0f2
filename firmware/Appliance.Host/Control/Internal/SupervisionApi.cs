using Appliance.Core.Supervision;
using Appliance.Telephony.Bridging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// Supervisors listening to, whispering to and barging into agents' calls: POST /v1/supervisions rings the supervisor and
/// answers once they joined; PUT /v1/supervisions/{id} switches the mode; DELETE ends it; GET lists them. Refusals come
/// back as problems with a "reason": 400 (bad request, own call), 403 (not a supervisor), 404 (unknown id), 409 (no call,
/// busy, already supervised, phone not rung or not answered).
/// </summary>
internal static class SupervisionApi
{
    private const string LogCategory = "Appliance.Host.Control.Supervision";

    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/supervisions", (Delegate)ListAsync);
        v1.MapPost("/supervisions", StartAsync);
        v1.MapPut("/supervisions/{id}", ChangeModeAsync);
        v1.MapDelete("/supervisions/{id}", StopAsync);
        return v1;
    }

    private static async Task<Results<JsonHttpResult<SupervisionResult[]>, ProblemHttpResult>> ListAsync(HttpContext context)
    {
        if (context.RequestServices.GetService<SupervisionService>() is not { } service)
        {
            return Unavailable();
        }

        var list = await service.ListAsync();
        return TypedResults.Json(list.Select(ToResult).ToArray(), ControlJson.Options);
    }

    private static async Task<Results<JsonHttpResult<SupervisionResult>, ProblemHttpResult>> StartAsync(HttpContext context, ILoggerFactory loggerFactory)
    {
        var (request, problem) = await ReadAsync<SuperviseRequest>(context, "{\"supervisor\": \"2001\", \"agent\": \"1001\", \"mode\": \"listen\"}");
        var mode = SupervisionMode.Listen;
        if (request is not null && !SupervisionModeNames.TryParse(request.Mode, out mode))
        {
            problem = BadMode(request.Mode);
        }

        return await RunAsync(context, loggerFactory, problem, service => service.StartAsync(request!.Supervisor, request.Agent, mode));
    }

    private static async Task<Results<JsonHttpResult<SupervisionResult>, ProblemHttpResult>> ChangeModeAsync(string id, HttpContext context, ILoggerFactory loggerFactory)
    {
        var (request, problem) = await ReadAsync<SupervisionModeRequest>(context, "{\"mode\": \"whisper\"}");
        var mode = SupervisionMode.Listen;
        if (request is not null && !SupervisionModeNames.TryParse(request.Mode, out mode))
        {
            problem = BadMode(request.Mode);
        }

        return await RunAsync(context, loggerFactory, problem, service => service.ChangeModeAsync(id, mode));
    }

    private static Task<Results<JsonHttpResult<SupervisionResult>, ProblemHttpResult>> StopAsync(string id, HttpContext context, ILoggerFactory loggerFactory) =>
        RunAsync(context, loggerFactory, null, service => service.StopAsync(id));

    private static async Task<Results<JsonHttpResult<SupervisionResult>, ProblemHttpResult>> RunAsync(
        HttpContext context, ILoggerFactory loggerFactory, string? problem, Func<SupervisionService, Task<SupervisionInfo>> action)
    {
        var logger = loggerFactory.CreateLogger(LogCategory);
        if (problem is not null)
        {
            SupervisionApiLog.Refused(logger, problem);
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "bad supervision request");
        }

        if (context.RequestServices.GetService<SupervisionService>() is not { } service)
        {
            return Unavailable();
        }

        try
        {
            var info = await action(service);
            SupervisionApiLog.Answered(logger, info.Id, SupervisionModeNames.Name(info.Mode), info.State.ToString());
            return TypedResults.Json(ToResult(info), ControlJson.Options);
        }
        catch (SupervisionRefusedException refused)
        {
            // The service has logged the refusal already.
            return TypedResults.Problem(
                refused.Message,
                statusCode: StatusFor(refused.Reason),
                title: "supervision refused",
                extensions: new Dictionary<string, object?> { ["reason"] = refused.Reason.ToString() });
        }
    }

    private static int StatusFor(SupervisionRefusal reason) => reason switch
    {
        SupervisionRefusal.UnknownSupervisor or SupervisionRefusal.UnknownAgent or SupervisionRefusal.UnknownSupervision => StatusCodes.Status404NotFound,
        SupervisionRefusal.NotSupervisor => StatusCodes.Status403Forbidden,
        SupervisionRefusal.OwnCall => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    private static SupervisionResult ToResult(SupervisionInfo info) => new(
        info.Id, info.Supervisor, info.Agent, info.CallId, SupervisionModeNames.Name(info.Mode), info.State.ToString().ToLowerInvariant());

    private static string BadMode(string? mode) => $"mode '{mode}' is not one of listen, whisper, barge";

    private static Task<(T? Request, string? Problem)> ReadAsync<T>(HttpContext context, string example)
        where T : class =>
        ControlRequestBody.ReadAsync<T>(context, $"the request body is empty (expected {example})", $"the request body is not valid (expected {example})");

    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem("this appliance runs without a call center", statusCode: StatusCodes.Status503ServiceUnavailable);
}
