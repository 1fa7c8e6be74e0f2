namespace Appliance.Core.Configuration;

/// <summary>A caller, by number, whom queues serve ahead of ordinary callers.</summary>
public sealed record VipCaller
{
    /// <summary>The caller's number, digits only (with an optional leading "+").</summary>
    public string Number { get; init; } = "";

    /// <summary>1 (a little ahead) to 10 (first).</summary>
    public int Priority { get; init; } = 5;
}
