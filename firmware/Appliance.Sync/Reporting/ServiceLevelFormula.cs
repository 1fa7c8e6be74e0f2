namespace Appliance.Sync.Reporting;

/// <summary>Which calls count against the service level (DOMAIN.md): A = answered, Ab = abandoned, T = the threshold.</summary>
public enum ServiceLevelFormula
{
    /// <summary>A≤T / A: abandons are ignored.</summary>
    AnsweredOnly,

    /// <summary>A≤T / (A + Ab): every abandon counts against.</summary>
    AbandonsAgainst,

    /// <summary>A≤T / (A + Ab&gt;T): callers who gave up within the threshold are ignored.</summary>
    ShortAbandonsIgnored,
}
