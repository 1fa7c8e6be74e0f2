namespace Appliance.Storage;

/// <summary>The result of <see cref="ApplianceDatabase.Inspect"/>: what the file is, found without changing it.</summary>
/// <param name="Path">The database file's full path.</param>
/// <param name="State">What the file is.</param>
/// <param name="SchemaVersion">The file's schema version (its user_version); 0 when missing, empty, foreign or corrupt.</param>
/// <param name="SupportedSchemaVersion">The newest schema this firmware can migrate to.</param>
/// <param name="Detail">A short human explanation, e.g. what made the file look corrupt or foreign.</param>
public sealed record DatabaseInspection(
    string Path,
    DatabaseState State,
    int SchemaVersion,
    int SupportedSchemaVersion,
    string Detail)
{
    /// <summary>Whether the file header says write-ahead logging (false for missing, empty or unreadable files).</summary>
    public bool UsesWriteAheadLog { get; init; }

    /// <summary>Whether <see cref="ApplianceDatabase.Migrate"/> would apply migrations.</summary>
    public bool NeedsMigration =>
        State is DatabaseState.Missing or DatabaseState.Empty
        || (State == DatabaseState.Ours && SchemaVersion < SupportedSchemaVersion);

    /// <summary>Whether the file can be used as is by this firmware.</summary>
    public bool IsCurrent => State == DatabaseState.Ours && SchemaVersion == SupportedSchemaVersion;
}
