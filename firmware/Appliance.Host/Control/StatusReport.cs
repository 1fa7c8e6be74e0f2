namespace Appliance.Host.Control;

/// <summary>What <c>GET /v1/status</c> answers.</summary>
/// <param name="Sections">Each registered <see cref="IStatusSection"/> by name; a section that failed holds { "error": "…" }.</param>
public sealed record StatusReport(
    string Version,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    string DataDirectory,
    int ProcessId,
    IReadOnlyDictionary<string, object?> Sections);
