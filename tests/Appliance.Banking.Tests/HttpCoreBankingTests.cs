using System.Net;
using System.Net.Sockets;
using Appliance.Banking.Http;
using Appliance.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Banking.Tests;

/// <summary>The HTTP adapter's own behaviour: garbage answers, timeouts, retries for reads only, the circuit breaker.</summary>
public sealed class HttpCoreBankingTests : IAsyncLifetime
{
    private readonly TestSeed _seed = new();
    private readonly ManualTimeProvider _time = new();
    private CoreBankTestServer _server = null!;

    public async Task InitializeAsync() => _server = await CoreBankTestServer.StartAsync(_seed.CreateBank());

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _seed.Dispose();
    }

    [Theory]
    [InlineData(200, "{ not json", CoreBankingFailure.BadAnswer)]
    [InlineData(200, "{\"maskedAccount\":\"622202*********5678\",\"availableMinor\":1,\"ledgerMinor\":1}", CoreBankingFailure.BadAnswer)]
    [InlineData(200, "{\"maskedAccount\":\"6222020200112345678\",\"availableMinor\":1,\"ledgerMinor\":1,\"currency\":\"CNY\"}", CoreBankingFailure.BadAnswer)]
    [InlineData(200, "{\"maskedAccount\":\"622202*********5678\",\"availableMinor\":\"lots\",\"ledgerMinor\":1,\"currency\":\"CNY\"}", CoreBankingFailure.BadAnswer)]
    [InlineData(200, "{\"maskedAccount\":\"622202*********5678\",\"availableMinor\":1,\"ledgerMinor\":1,\"currency\":\"yuan\"}", CoreBankingFailure.BadAnswer)]
    [InlineData(500, "oops", CoreBankingFailure.Unavailable)]
    [InlineData(404, "<html>not found</html>", CoreBankingFailure.BadAnswer)]
    [InlineData(400, "", CoreBankingFailure.BadAnswer)]
    public async Task A_garbage_answer_becomes_a_CoreBankingException_of_the_right_kind(int status, string body, CoreBankingFailure expected)
    {
        _server.Intercept = context => Answer(context, status, body);
        using var bank = Create(retries: 0);

        var ex = await Assert.ThrowsAsync<CoreBankingException>(() => bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None));

        Assert.Equal(expected, ex.Failure);
    }

    [Fact]
    public async Task Verified_without_a_customer_is_a_bad_answer()
    {
        _server.Intercept = context => Answer(context, 200, "{\"outcome\":\"verified\"}");
        using var bank = Create();

        var ex = await Assert.ThrowsAsync<CoreBankingException>(
            () => bank.VerifyAsync(new CustomerCredential(CredentialKind.Card, TestSeed.LiCard), TestSeed.LiPin, CancellationToken.None));

        Assert.Equal(CoreBankingFailure.BadAnswer, ex.Failure);
        Assert.DoesNotContain(TestSeed.LiPin, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_on_the_clock_is_a_Timeout()
    {
        _server.Intercept = async context =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return true;
        };
        using var bank = Create(retries: 0);

        var balance = bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None);
        await _server.WaitForRequestsAsync(1);
        Assert.False(balance.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(3000));

        var ex = await Assert.ThrowsAsync<CoreBankingException>(() => balance);
        Assert.Equal(CoreBankingFailure.Timeout, ex.Failure);
    }

    [Fact]
    public async Task A_read_is_retried_after_unavailable_answers_and_then_succeeds()
    {
        _server.Intercept = context => _server.Requests <= 2 ? Answer(context, 503, "busy") : Task.FromResult(false);
        using var bank = Create(retries: 2, breakerThroughput: 10);

        var balance = await bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None);

        Assert.Equal(1_234_550, balance.AvailableMinor);
        Assert.Equal(3, _server.Requests);
    }

    [Fact]
    public async Task A_card_block_and_a_PIN_check_are_sent_once_even_when_the_bank_is_unavailable()
    {
        _server.Intercept = context => Answer(context, 503, "busy");
        using var bank = Create(retries: 2, breakerThroughput: 10);

        var block = await Assert.ThrowsAsync<CoreBankingException>(() => bank.ReportCardLostAsync(TestSeed.LiId, CancellationToken.None));
        var verify = await Assert.ThrowsAsync<CoreBankingException>(
            () => bank.VerifyAsync(new CustomerCredential(CredentialKind.Card, TestSeed.LiCard), TestSeed.LiPin, CancellationToken.None));

        Assert.Equal((CoreBankingFailure.Unavailable, CoreBankingFailure.Unavailable), (block.Failure, verify.Failure));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task The_breaker_opens_after_failures_answers_at_once_without_a_request_and_closes_after_the_break_on_the_clock()
    {
        _server.Intercept = context => Answer(context, 503, "down");
        using var bank = Create(retries: 0);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<CoreBankingException>(() => bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None));
        }

        var open = await Assert.ThrowsAsync<CoreBankingException>(() => bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None));
        Assert.Equal(CoreBankingFailure.Unavailable, open.Failure);
        Assert.Contains("circuit breaker", open.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests);

        _server.Intercept = null;
        _time.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<CoreBankingException>(() => bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None));
        Assert.Equal(2, _server.Requests);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1_234_550, (await bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None)).AvailableMinor);
        Assert.Equal(-500, (await bank.GetBalanceAsync(TestSeed.HanId, CancellationToken.None)).AvailableMinor);
        Assert.Equal(4, _server.Requests);
    }

    [Fact]
    public async Task A_core_bank_that_refuses_connections_is_Unavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var bank = new HttpCoreBanking(new SocketsHttpHandler(), Options($"http://127.0.0.1:{port}/", retries: 0), _time, NullLogger<HttpCoreBanking>.Instance);

        var ex = await Assert.ThrowsAsync<CoreBankingException>(() => bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None));

        Assert.Equal(CoreBankingFailure.Unavailable, ex.Failure);
    }

    private static async Task<bool> Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
        return true;
    }

    private static BankingOptions Options(string address, int retries, int breakerThroughput = 2) => new()
    {
        Mode = BankingMode.Http,
        HttpBaseAddress = address,
        HttpRetries = retries,
        HttpRetryDelayMilliseconds = 0,
        BreakerMinimumThroughput = breakerThroughput,
        BreakerFailureRatio = 0.5,
        BreakerBreakSeconds = 30,
    };

    private HttpCoreBanking Create(int retries = 2, int breakerThroughput = 2) =>
        new(new SocketsHttpHandler(), Options(_server.BaseAddress.AbsoluteUri, retries, breakerThroughput), _time, NullLogger<HttpCoreBanking>.Instance);
}
