using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Banking.Http.Internal;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Appliance.Banking.Http;

/// <summary>
/// A real core bank over HTTP/JSON (wire format: docs/core-banking-http.md), with a per-attempt timeout, retries with
/// backoff for reads, and a circuit breaker. Every failure, garbage answers included, is a <see cref="CoreBankingException"/>.
/// </summary>
public sealed class HttpCoreBanking : ICoreBanking, IDisposable
{
    private const int MaxAnswerBytes = 256 * 1024;
    private readonly HttpClient _client;
    private readonly BankingPipelines _pipelines;
    private readonly ILogger _logger;

    /// <summary>Creates the adapter; it owns and disposes <paramref name="handler"/>.</summary>
    public HttpCoreBanking(HttpMessageHandler handler, BankingOptions options, TimeProvider time, ILogger<HttpCoreBanking> logger)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var baseAddress = new Uri(options.HttpBaseAddress ?? throw new ArgumentException("HttpBaseAddress is required", nameof(options)));
        _client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline's timeout runs on the injected clock
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
        _pipelines = new BankingPipelines(options, time, logger);
        _logger = logger;
        HttpBankingLog.Started(logger, _client.BaseAddress);
    }

    /// <inheritdoc />
    public async Task<VerificationResult> VerifyAsync(CustomerCredential credential, string pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(pin);
        var body = new WireVerifyRequest(credential.Kind, credential.Number, pin);
        var wire = await SendAsync<WireVerifyResponse>("verify", _pipelines.Once, () => new HttpRequestMessage(HttpMethod.Post, "v1/verify")
        {
            Content = JsonContent.Create(body, options: WireJson.Options),
        }, cancellationToken);
        return WireChecks.ToResult(wire);
    }

    /// <inheritdoc />
    public async Task<AccountBalance> GetBalanceAsync(string customerId, CancellationToken cancellationToken) =>
        WireChecks.ToResult(await GetAsync<WireBalance>("balance", $"v1/customers/{Escape(customerId)}/balance", cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccountTransaction>> GetRecentTransactionsAsync(string customerId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var uri = string.Create(CultureInfo.InvariantCulture, $"v1/customers/{Escape(customerId)}/transactions?count={count}");
        return WireChecks.ToResult(await GetAsync<WireTransactions>("transactions", uri, cancellationToken), count);
    }

    /// <inheritdoc />
    public async Task<CardBlockResult> ReportCardLostAsync(string customerId, CancellationToken cancellationToken)
    {
        var uri = $"v1/customers/{Escape(customerId)}/card-loss";
        var wire = await SendAsync<WireCardBlock>("card-loss", _pipelines.Once, () => new HttpRequestMessage(HttpMethod.Post, uri), cancellationToken);
        return WireChecks.ToResult(wire);
    }

    /// <inheritdoc />
    public async Task<BillPaymentStatus> GetBillPaymentStatusAsync(string customerId, string billReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(billReference);
        var uri = $"v1/customers/{Escape(customerId)}/bills/{Escape(billReference)}";
        return WireChecks.ToResult(await GetAsync<WireBill>("bill", uri, cancellationToken), billReference);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private Task<T> GetAsync<T>(string operation, string uri, CancellationToken cancellationToken) =>
        SendAsync<T>(operation, _pipelines.Read, () => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    private async Task<T> SendAsync<T>(string operation, ResiliencePipeline pipeline, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.AttemptAsync<T>(state.Request, ctx.CancellationToken),
                context,
                (Self: this, Request: request));
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(operation, new CoreBankingException(CoreBankingFailure.Timeout, $"The core bank did not answer {operation} in time.", ex));
        }
        catch (BrokenCircuitException ex)
        {
            throw Fail(operation, new CoreBankingException(CoreBankingFailure.Unavailable, "The core bank is failing; the circuit breaker is open.", ex));
        }
        catch (CoreBankingException ex)
        {
            throw Fail(operation, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private CoreBankingException Fail(string operation, CoreBankingException exception)
    {
        HttpBankingLog.Failed(_logger, operation, exception.Failure, exception.Message);
        return exception;
    }

    // One attempt: any transport problem, unexpected status or unreadable body becomes a CoreBankingException. A
    // cancellation (the attempt's timeout or the caller) passes through for the pipeline to classify.
    private async Task<T> AttemptAsync<T>(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CoreBankingException(CoreBankingFailure.Unavailable, $"The core bank could not be reached: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await StatusFailureAsync(response, cancellationToken);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<T>(WireJson.Options, cancellationToken)
                    ?? throw new CoreBankingException(CoreBankingFailure.BadAnswer, "The core bank's answer is unusable: the body is null.");
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
            {
                throw new CoreBankingException(CoreBankingFailure.BadAnswer, $"The core bank's answer is unusable: {ex.Message}", ex);
            }
        }
    }

    private static async Task<CoreBankingException> StatusFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            WireError? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync<WireError>(WireJson.Options, cancellationToken);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
            {
                // Not the core bank's error body: most likely a wrong HttpBaseAddress.
            }

            if (error?.Error == WireJson.UnknownCustomerError)
            {
                return new CoreBankingException(CoreBankingFailure.UnknownCustomer, "The core bank knows no such customer.");
            }
        }

        return status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            ? new CoreBankingException(CoreBankingFailure.Unavailable, string.Create(CultureInfo.InvariantCulture, $"The core bank answered HTTP {status}."))
            : new CoreBankingException(CoreBankingFailure.BadAnswer, string.Create(CultureInfo.InvariantCulture, $"The core bank's answer is unusable: HTTP {status} (check Banking:HttpBaseAddress)."));
    }
}
