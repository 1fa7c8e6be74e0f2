using System.Globalization;
using Appliance.Core.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace Appliance.Host.Web.Internal;

/// <summary>
/// GET /agent/v1/time?from=…&amp;to=… (ISO 8601 with an offset): the authenticated agent's own login time, time per
/// state and occupancy over the period, from their AGENT_STATE events. A missing or unreadable bound, an end before the
/// start, or a period longer than <see cref="MaxDays"/> days gets 400 naming the parameter.
/// </summary>
internal static class AgentTimeApi
{
    public const int MaxDays = 93;

    public static void MapAgentTimeApi(this RouteGroupBuilder v1, AgentTimeQuery query)
    {
        v1.MapGet("/time", (HttpContext http) =>
        {
            var agentId = (string)http.Items[AgentDeskApi.AgentKey]!;
            if (Bound(http, "from", out var from) is { } fromProblem)
            {
                return Bad(fromProblem);
            }

            if (Bound(http, "to", out var to) is { } toProblem)
            {
                return Bad(toProblem);
            }

            if (to <= from || to - from > TimeSpan.FromDays(MaxDays))
            {
                return Bad($"to: must be after from and at most {MaxDays} days later");
            }

            var report = query.For(agentId, from, to);
            return Results.Json(
                new
                {
                    report.AgentId,
                    report.From,
                    report.To,
                    LoginSeconds = Seconds(report.LoginTime),
                    AvailableSeconds = Seconds(report.Available),
                    RingingSeconds = Seconds(report.Ringing),
                    OnCallSeconds = Seconds(report.OnCall),
                    WrapUpSeconds = Seconds(report.WrapUp),
                    NotReadySeconds = report.NotReadyByReason.ToDictionary(r => r.Key, r => Seconds(r.Value)),
                    Occupancy = report.Occupancy is { } occupancy ? Math.Round(occupancy, 4) : (double?)null,
                },
                WebJson.Options);
        });
    }

    private static string? Bound(HttpContext http, string name, out DateTimeOffset value)
    {
        value = default;
        var text = http.Request.Query[name].ToString();
        return text.Length == 0 ? $"{name}: is required, e.g. 2026-12-01T00:00:00+08:00"
            : !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value) || !HasOffset(text)
                ? $"{name}: '{text}' is not an ISO 8601 date and time with an offset, e.g. 2026-12-01T00:00:00+08:00"
            : null;
    }

    // A time without an offset would be read in the server's zone; the branch's agents must say which they mean.
    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        return time > 0 && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > time);
    }

    private static IResult Bad(string problem) => TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
