using Appliance.Core.Configuration;
using Appliance.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// GET /v1/config exports the call center's configuration document in force; PUT /v1/config imports one: validated
/// whole, stored as a new version and put in force without a restart, or refused (400) with every error named.
/// </summary>
internal static class ConfigurationApi
{
    public static RouteGroupBuilder MapConfigurationApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/config", Export);
        v1.MapPut("/config", ImportAsync);
        return v1;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Export(HttpContext context) =>
        context.RequestServices.GetService<ConfigurationService>() is { } service
            ? TypedResults.Content(service.Document, "application/json")
            : Unavailable();

    private static async Task<Results<JsonHttpResult<ConfigurationImportResult>, ProblemHttpResult>> ImportAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<ConfigurationService>() is not { } service)
        {
            return Unavailable();
        }

        if (context.Request.ContentLength > ConfigurationVersionRepository.MaxDocumentLength)
        {
            return TypedResults.Problem($"the document is larger than {ConfigurationVersionRepository.MaxDocumentLength} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(context.Request.Body);
        var buffer = new char[ConfigurationVersionRepository.MaxDocumentLength + 1];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (length > ConfigurationVersionRepository.MaxDocumentLength)
        {
            return TypedResults.Problem($"the document is larger than {ConfigurationVersionRepository.MaxDocumentLength} characters", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var result = service.Apply(new string(buffer, 0, length), "import");
        var body = new ConfigurationImportResult(result.Version, result.Changed, [.. result.Errors.Select(e => e.ToString())]);
        return TypedResults.Json(body, ControlJson.Options, statusCode: result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem("this appliance runs without a call center", statusCode: StatusCodes.Status503ServiceUnavailable);
}
