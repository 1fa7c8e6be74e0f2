namespace Appliance.HeadOffice.Database;

/// <summary>Where head office keeps its data, bound from <see cref="SectionName"/> and checked by <see cref="DatabaseOptionsValidator"/>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section these options come from.</summary>
    public const string SectionName = "HeadOffice:Database";

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Database=headoffice;Username=headoffice</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Seconds a single statement may run before it is cancelled.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
}
