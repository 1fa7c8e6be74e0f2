using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Appliance.Banking.Http.Internal;

/// <summary>
/// The adapter's resilience: one circuit breaker for the whole core bank around a per-attempt timeout, and, for reads
/// only, retries with exponential backoff outside it. PIN checks (the bank counts wrong PINs) and card blocks are sent
/// once. Everything runs on the injected clock.
/// </summary>
internal sealed class BankingPipelines
{
    public BankingPipelines(BankingOptions options, TimeProvider time, ILogger logger)
    {
        Once = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(options.BreakerSamplingSeconds, 1)),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(options.BreakerBreakSeconds, 1)),
                ShouldHandle = new PredicateBuilder()
                    .Handle<TimeoutRejectedException>()
                    .Handle<CoreBankingException>(e => e.Failure != CoreBankingFailure.UnknownCustomer),
                OnOpened = args =>
                {
                    HttpBankingLog.BreakerOpened(logger, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    HttpBankingLog.BreakerClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromMilliseconds(options.HttpTimeoutMilliseconds))
            .Build();

        Read = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(options.HttpRetries, 1),
                Delay = TimeSpan.FromMilliseconds(options.HttpRetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(options.HttpRetries > 0 && IsTransient(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    HttpBankingLog.Retrying(logger, args.Context.OperationKey ?? "request", args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddPipeline(Once)
            .Build();
    }

    /// <summary>Breaker and timeout, no retries: for PIN checks and card blocks.</summary>
    public ResiliencePipeline Once { get; }

    /// <summary>Retries, then breaker and timeout: for idempotent reads.</summary>
    public ResiliencePipeline Read { get; }

    // Worth another try: no answer in time, or the bank said it is unavailable. Not an open breaker, not garbage.
    private static bool IsTransient(Exception? exception) =>
        exception is TimeoutRejectedException or CoreBankingException { Failure: CoreBankingFailure.Unavailable or CoreBankingFailure.Timeout };
}
