namespace Appliance.Storage;

/// <summary>What a database file turned out to be when inspected.</summary>
public enum DatabaseState
{
    /// <summary>No file at that path: a migration creates it.</summary>
    Missing,

    /// <summary>A zero-length file or an SQLite database with nothing in it: a migration initialises it.</summary>
    Empty,

    /// <summary>This appliance's database at a schema this firmware knows (possibly older: see <see cref="DatabaseInspection.NeedsMigration"/>).</summary>
    Ours,

    /// <summary>This appliance's database written by newer firmware.</summary>
    NewerSchema,

    /// <summary>A valid SQLite database of some other application.</summary>
    Foreign,

    /// <summary>Damaged, or not an SQLite database at all.</summary>
    Corrupt,
}
