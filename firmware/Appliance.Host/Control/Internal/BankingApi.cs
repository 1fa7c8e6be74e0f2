using Appliance.Banking;
using Appliance.Banking.Simulated;
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
/// Refused (409) when the box talks to a real core bank.
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

    private static Results<JsonHttpResult<BankOutageRequest>, ProblemHttpResult> SetOutage(BankOutageRequest request, HttpContext context)
    {
        if (Simulated(context) is not { } bank)
        {
            return NotSimulated();
        }

        bank.SetOutage(request.Active);
        return TypedResults.Json(new BankOutageRequest(bank.OutageActive), ControlJson.Options);
    }

    private static SimulatedCoreBank? Simulated(HttpContext context) =>
        context.RequestServices.GetService<IOptions<BankingOptions>>()?.Value.Mode == BankingMode.Simulated
            ? context.RequestServices.GetService<SimulatedCoreBank>()
            : null;

    private static ProblemHttpResult NotSimulated() =>
        TypedResults.Problem("this appliance does not run the simulated core bank (Banking:Mode is Http)", statusCode: StatusCodes.Status409Conflict);
}
