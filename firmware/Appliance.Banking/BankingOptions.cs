namespace Appliance.Banking;

/// <summary>The core-banking connector's settings, bound from <see cref="SectionName"/>.</summary>
public sealed class BankingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Banking";

    /// <summary>Simulated (default) or Http.</summary>
    public BankingMode Mode { get; set; } = BankingMode.Simulated;

    /// <summary>The simulated bank's seed (accounts, salted PIN hashes, transactions, bills); relative paths are
    /// resolved against the application directory, where the demo seed ships.</summary>
    public string SeedFile { get; set; } = "banking/demo-seed.json";

    /// <summary>Where the simulated bank keeps card blocks and PIN lockouts; relative to the data directory.</summary>
    public string StateFile { get; set; } = "banking/card-state.json";

    /// <summary>How long every simulated request takes.</summary>
    public int SimulatedLatencyMilliseconds { get; set; } = 150;

    /// <summary>Starts the simulated bank in an outage (every request fails as unavailable); switchable at run time.</summary>
    public bool SimulatedOutage { get; set; }

    /// <summary>Wrong PINs in a row after which the simulated bank locks the customer out; 0 turns lockout off.</summary>
    public int MaxWrongPins { get; set; } = 3;

    /// <summary>The real core bank's base address (http or https), required in Http mode.</summary>
    public string? HttpBaseAddress { get; set; }

    /// <summary>How long one HTTP attempt may take before it counts as a timeout.</summary>
    public int HttpTimeoutMilliseconds { get; set; } = 3000;

    /// <summary>Extra attempts for reads (balance, transactions, bill status) after a timeout or an unavailable answer.
    /// PIN checks and card blocks are never retried.</summary>
    public int HttpRetries { get; set; } = 2;

    /// <summary>The first retry's delay; each next one doubles it.</summary>
    public int HttpRetryDelayMilliseconds { get; set; } = 200;

    /// <summary>The share of failed requests within the sampling window that opens the circuit breaker (0.1-1).</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest requests in the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The breaker's sampling window.</summary>
    public int BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long the breaker stays open (every request fails at once) before one trial request goes through.</summary>
    public int BreakerBreakSeconds { get; set; } = 30;
}
