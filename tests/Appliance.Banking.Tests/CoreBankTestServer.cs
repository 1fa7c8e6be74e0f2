using System.Net;
using Appliance.Banking.Http.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Banking.Tests;

/// <summary>
/// A core bank speaking the wire format of docs/core-banking-http.md on 127.0.0.1 (port 0), backed by a simulated bank.
/// <see cref="Intercept"/> lets a test answer a request itself (garbage, 500s, no answer).
/// </summary>
internal sealed class CoreBankTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ICoreBanking _bank;
    private readonly SemaphoreSlim _arrived = new(0);
    private int _requests;

    private CoreBankTestServer(WebApplication app, ICoreBanking bank)
    {
        _app = app;
        _bank = bank;
    }

    /// <summary>Answers a request instead of the bank when it returns true.</summary>
    public Func<HttpContext, Task<bool>>? Intercept { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<CoreBankTestServer> StartAsync(ICoreBanking bank)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new CoreBankTestServer(app, bank);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server._requests);
            server._arrived.Release();
            if (server.Intercept is not { } intercept || !await intercept(context))
            {
                await next(context);
            }
        });
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Waits (in real time, bounded) until <paramref name="count"/> requests have arrived in all.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (Requests < count)
        {
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), $"only {Requests} of {count} requests arrived");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/verify", async (HttpContext context) =>
        {
            var request = await context.Request.ReadFromJsonAsync<WireVerifyRequest>(WireJson.Options);
            var result = await _bank.VerifyAsync(new CustomerCredential(request!.Kind, request.Number), request.Pin, context.RequestAborted);
            var customer = result.Customer is { } c ? new WireCustomer(c.CustomerId, c.Name, c.MaskedAccount, c.Segment) : null;
            return Results.Json(new WireVerifyResponse(result.Outcome, customer), WireJson.Options);
        });
        app.MapGet("/v1/customers/{id}/balance", (string id, HttpContext context) => Answer(async () =>
        {
            var b = await _bank.GetBalanceAsync(id, context.RequestAborted);
            return new WireBalance(b.MaskedAccount, b.AvailableMinor, b.LedgerMinor, b.Currency);
        }));
        app.MapGet("/v1/customers/{id}/transactions", (string id, int count, HttpContext context) => Answer(async () =>
        {
            var list = await _bank.GetRecentTransactionsAsync(id, count, context.RequestAborted);
            return new WireTransactions([.. list.Select(t => new WireTransaction(t.BookedAt, t.Description, t.AmountMinor, t.Currency))]);
        }));
        app.MapPost("/v1/customers/{id}/card-loss", (string id, HttpContext context) => Answer(async () =>
        {
            var r = await _bank.ReportCardLostAsync(id, context.RequestAborted);
            return new WireCardBlock(r.Reference, r.MaskedCard, r.AlreadyBlocked);
        }));
        app.MapGet("/v1/customers/{id}/bills/{reference}", (string id, string reference, HttpContext context) => Answer(async () =>
        {
            var s = await _bank.GetBillPaymentStatusAsync(id, reference, context.RequestAborted);
            return new WireBill(s.Reference, s.State, s.AmountMinor, s.Currency, s.SettledAt);
        }));
    }

    private static async Task<IResult> Answer<T>(Func<Task<T>> action)
    {
        try
        {
            return Results.Json(await action(), WireJson.Options);
        }
        catch (CoreBankingException ex) when (ex.Failure == CoreBankingFailure.UnknownCustomer)
        {
            return Results.Json(new WireError(WireJson.UnknownCustomerError, ex.Message), WireJson.Options, statusCode: 404);
        }
        catch (CoreBankingException ex)
        {
            return Results.Json(new WireError("unavailable", ex.Message), WireJson.Options, statusCode: 503);
        }
    }
}
