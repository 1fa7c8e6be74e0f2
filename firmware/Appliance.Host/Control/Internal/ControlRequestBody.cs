using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// Reads a control request's JSON body by hand rather than by parameter binding, so a bad body gets a message that says
/// what is wrong with it (not JSON, empty, or which field is wrong) instead of a bare 400.
/// </summary>
internal static class ControlRequestBody
{
    /// <summary>
    /// The body as <typeparamref name="T"/>, or the problem: <paramref name="empty"/> for an empty body, and
    /// "<paramref name="invalid"/>: the parser's message" for one that does not parse.
    /// </summary>
    public static async Task<(T? Request, string? Problem)> ReadAsync<T>(HttpContext context, string empty, string invalid)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, "the request body must be JSON (Content-Type: application/json)");
        }

        try
        {
            var request = await context.Request.ReadFromJsonAsync<T>(ControlJson.Options, context.RequestAborted);
            return request is null ? (null, empty) : (request, null);
        }
        catch (JsonException ex)
        {
            return (null, $"{invalid}: {ex.Message}");
        }
    }
}
