namespace Appliance.Banking;

/// <summary>Which core bank the box talks to.</summary>
public enum BankingMode
{
    /// <summary>The built-in simulated core bank, seeded from a JSON file (the default: demos and tests).</summary>
    Simulated,

    /// <summary>A real core bank over HTTP/JSON (see docs/core-banking-http.md).</summary>
    Http,
}
