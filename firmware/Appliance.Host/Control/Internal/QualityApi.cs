using System.Globalization;
using Appliance.Core.Quality;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// /v1/qa on the control socket: POST /sample draws a week's review list (once), GET /list?week= shows it, POST /scores
/// stores a score, GET /calls/{id} shows a call's scores. Refusals: 400 naming what is wrong, 404 unknown call or
/// scorecard, 409 already scored.
/// </summary>
internal static class QualityApi
{
    public static RouteGroupBuilder MapQualityApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/qa/sample", async (HttpContext http) =>
        {
            var (request, problem) = http.Request.ContentLength is null or 0 && !http.Request.HasJsonContentType()
                ? (new QaSampleRequest(), null)
                : await ReadAsync<QaSampleRequest>(http, "{\"week\": \"2026-01-05\"}");
            if (request is null || http.RequestServices.GetService<QaService>() is not { } service)
            {
                return Unavailable(problem);
            }

            return Week(request.Week, out var week, out var bad) ? Run(() =>
            {
                var (start, drawnNow, samples) = service.Sample(week);
                return Results.Json(new { week = Day(start), drawnNow, samples }, ControlJson.Options);
            }) : Bad(bad!);
        });

        v1.MapGet("/qa/list", (HttpContext http, string? week) =>
        {
            if (http.RequestServices.GetService<QaService>() is not { } service)
            {
                return Unavailable(null);
            }

            if (!Week(week, out var day, out var bad))
            {
                return Bad(bad!);
            }

            var (start, drawn, samples) = service.List(day);
            return Results.Json(new { week = Day(start), drawn, samples }, ControlJson.Options);
        });

        v1.MapPost("/qa/scores", async (HttpContext http) =>
        {
            var (request, problem) = await ReadAsync<QaScoreRequest>(http,
                "{\"call\": \"…\", \"scorecard\": \"service\", \"reviewer\": \"qa-lead\", \"answers\": {\"greeting\": 1}}");
            if (request is null || http.RequestServices.GetService<QaService>() is not { } service)
            {
                return Unavailable(problem);
            }

            return Run(() => Results.Json(
                service.Score(request.Call, request.Scorecard, request.Reviewer, request.Answers ?? new Dictionary<string, int>()),
                ControlJson.Options, statusCode: StatusCodes.Status201Created));
        });

        v1.MapGet("/qa/calls/{id}", (HttpContext http, string id) =>
            http.RequestServices.GetService<QaService>() is { } service
                ? Run(() => Results.Json(service.Show(id), ControlJson.Options))
                : Unavailable(null));
        return v1;
    }

    private static bool Week(string? text, out DateOnly? week, out string? problem)
    {
        (week, problem) = (null, null);
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            week = day;
            return true;
        }

        problem = $"week: '{text}' is not a date yyyy-MM-dd";
        return false;
    }

    private static string Day(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Run(Func<IResult> work)
    {
        try
        {
            return work();
        }
        catch (QaException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: ex.Failure switch
            {
                QaFailure.NotFound => StatusCodes.Status404NotFound,
                QaFailure.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            });
        }
    }

    private static Task<(T? Request, string? Problem)> ReadAsync<T>(HttpContext http, string example)
        where T : class =>
        ControlRequestBody.ReadAsync<T>(http, $"the request body is empty (expected e.g. {example})", "the request body is not a valid QA request");

    private static IResult Unavailable(string? problem) => problem is null
        ? TypedResults.Problem("QA is not available in this build (no QaService is registered)", statusCode: StatusCodes.Status503ServiceUnavailable)
        : Bad(problem);

    private static IResult Bad(string problem) => TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
}
