using Appliance.Banking;
using Appliance.Banking.Simulated;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// Tester controls of the simulated core bank: GET /v1/bank/customers/{key} (account, card number or customer id)
/// shows the customer with masked numbers; PUT /v1/bank/outage with {"active":true|false} switches an injected outage.
/// Refused (409) when the box talks to a real core bank; a body that is not exactly {"active": true|false} gets 400 naming
/// what is wrong and switches nothing (an empty object must not quietly end an outage).
/// </summary>
internal static class BankingApi
{
    public static RouteGroupBuilder MapBankingApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/bank/customers/{key}", Show);
        v1.MapPut("/bank/outage", SetOutage);
        return v1;
    }

    private static Results<JsonHttpResult<SimulatedAccountSummary>, ProblemHttpResult> Show(string key, HttpContext context)
    {
        if (Simulated(context) is not { } bank)
        {
            return NotSimulated();
        }

        return bank.Describe(key) is { } summary
            ? TypedResults.Json(summary, ControlJson.Options)
            : TypedResults.Problem("the simulated core bank knows no such account, card or customer", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<JsonHttpResult<BankOutageRequest>, ProblemHttpResult>> SetOutage(HttpContext context, CancellationToken cancellationToken)
    {
        if (Simulated(context) is not { } bank)
        {
            return NotSimulated();
        }

        var (request, problem) = await ReadOutageAsync(context, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        bank.SetOutage(request.Active);
        return TypedResults.Json(new BankOutageRequest(bank.OutageActive), ControlJson.Options);
    }

    private static async Task<(BankOutageRequest? Request, string? Problem)> ReadOutageAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, "the request body must be JSON (Content-Type: application/json), e.g. {\"active\": true}");
        }

        try
        {
            var request = await context.Request.ReadFromJsonAsync<BankOutageRequest>(ControlJson.Options, cancellationToken);
            return request is null ? (null, "the request body is empty (expected {\"active\": true} or {\"active\": false})") : (request, null);
        }
        catch (JsonException ex)
        {
            return (null, $"the request body is not an outage switch (expected {{\"active\": true|false}}): {ex.Message}");
        }
    }

    private static SimulatedCoreBank? Simulated(HttpContext context) =>
        context.RequestServices.GetService<IOptions<BankingOptions>>()?.Value.Mode == BankingMode.Simulated
            ? context.RequestServices.GetService<SimulatedCoreBank>()
            : null;

    private static ProblemHttpResult NotSimulated() =>
        TypedResults.Problem("this appliance does not run the simulated core bank (Banking:Mode is Http)", statusCode: StatusCodes.Status409Conflict);
}
