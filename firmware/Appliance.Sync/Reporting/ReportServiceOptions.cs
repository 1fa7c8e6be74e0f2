namespace Appliance.Sync.Reporting;

/// <summary>The box's report service for head office and how its KPIs are computed; bound from <see cref="SectionName"/>.</summary>
public sealed class ReportServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sync:ReportService";

    /// <summary>Off by default: head office can pull reports only once a technician turns this on and sets a key.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address to listen on; loopback unless deliberately opened to the branch network.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port (cleartext HTTP/2 unless a TLS front end is added).</summary>
    public int Port { get; set; } = 50051;

    /// <summary>Head office's key, expected as <c>x-headoffice-key</c>. No default: required when enabled.</summary>
    public string HeadOfficeKey { get; set; } = string.Empty;

    /// <summary>Which service-level formula variant GetKpis uses.</summary>
    public ServiceLevelFormula ServiceLevelFormula { get; set; } = ServiceLevelFormula.AbandonsAgainst;

    /// <summary>T of the service level: calls answered within this many seconds count as in service.</summary>
    public int ServiceLevelThresholdSeconds { get; set; } = 20;

    /// <summary>Abandons shorter than this are left out of the abandon rate (both sides); 0 counts every abandon.</summary>
    public int ShortAbandonThresholdSeconds { get; set; } = 5;

    /// <summary>The service level Erlang C staffing aims for (0-1), with T = <see cref="ServiceLevelThresholdSeconds"/>.</summary>
    public double StaffingServiceLevelTarget { get; set; } = 0.8;

    /// <summary>A ticket closed within this many minutes of its creation (on the call) counts as first-contact resolution.</summary>
    public int FirstContactWindowMinutes { get; set; } = 60;

    /// <summary>ListCalls page size when the request asks for none.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest ListCalls page served; larger requests get INVALID_ARGUMENT.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The longest range GetKpis and ListCalls accept, in days.</summary>
    public int MaxRangeDays { get; set; } = 93;

    /// <summary>How often WatchEvents looks for new events in the log.</summary>
    public double WatchPollIntervalSeconds { get; set; } = 0.5;
}
