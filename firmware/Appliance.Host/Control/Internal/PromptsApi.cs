using Appliance.Core.Ivr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// GET /v1/prompts lists the prompts; PUT /v1/prompts/{language}/{name}?file=NAME stores the body (a WAV file, any
/// common format) as that prompt, converted to 8 kHz mono, in force for the next call. The file travels in the body,
/// not as a path: the appliance may not see the CLI user's files (systemd gives it a private /tmp). A file that is not a
/// playable prompt is refused (400) naming the file and the reason, with nothing stored.
/// </summary>
internal static class PromptsApi
{
    private const string LogCategory = "Appliance.Host.Control.Prompts";

    public static RouteGroupBuilder MapPromptsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/prompts", List);
        v1.MapPut("/prompts/{language}/{name}", AddAsync);
        return v1;
    }

    private static Results<JsonHttpResult<IReadOnlyList<PromptInfo>>, ProblemHttpResult> List(HttpContext context) =>
        context.RequestServices.GetService<PromptLibrary>() is { } library
            ? TypedResults.Json(library.List(), ControlJson.Options)
            : Unavailable();

    private static async Task<Results<JsonHttpResult<PromptInfo>, ProblemHttpResult>> AddAsync(
        string language, string name, string? file, HttpContext context, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<PromptLibrary>() is not { } library)
        {
            return Unavailable();
        }

        var fileName = string.IsNullOrWhiteSpace(file) ? "(uploaded file)" : file;
        using var content = new MemoryStream();
        var limit = PromptLibrary.MaximumFileBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1; // the socket's small default is for JSON requests; a WAV file is bigger
        }

        if (context.Request.ContentLength > limit || !await CopyAtMostAsync(context.Request.Body, content, limit, cancellationToken))
        {
            return TypedResults.Problem($"WAV file '{fileName}' is larger than {limit} bytes; prompts may be at most that", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        content.Position = 0;
        try
        {
            return TypedResults.Json(library.Add(language, name, content, fileName), ControlJson.Options);
        }
        catch (PromptRefusedException refused)
        {
            PromptsApiLog.Refused(loggerFactory.CreateLogger(LogCategory), language, name, refused.Message);
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<bool> CopyAtMostAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (target.Length + read > limit)
            {
                return false;
            }

            target.Write(buffer, 0, read);
        }

        return true;
    }

    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem("this appliance runs without a call center", statusCode: StatusCodes.Status503ServiceUnavailable);
}
