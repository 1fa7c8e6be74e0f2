using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Host.Control.Internal;

/// <summary>GET /v1/status and GET /v1/version.</summary>
internal static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/status", (StatusReporter reporter) => TypedResults.Json(reporter.GetReport(), ControlJson.Options));
        v1.MapGet("/version", () => TypedResults.Json(VersionInfo.Current, ControlJson.Options));
        return v1;
    }
}
