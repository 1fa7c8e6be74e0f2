namespace Appliance.Storage;

/// <summary>Why the store refused or failed an operation; callers map it to exit codes or HTTP statuses.</summary>
public enum StorageFailure
{
    /// <summary>The database file does not exist (and the operation does not create it).</summary>
    Missing,

    /// <summary>The file is this appliance's database at an older schema: run the migration first.</summary>
    OutdatedSchema,

    /// <summary>The file is damaged or is not an SQLite database at all.</summary>
    Corrupt,

    /// <summary>The file is a valid SQLite database that belongs to some other application.</summary>
    Foreign,

    /// <summary>The file was written by newer firmware with a schema this firmware does not know.</summary>
    NewerSchema,

    /// <summary>A migration failed; it was rolled back completely.</summary>
    MigrationFailed,

    /// <summary>A record has a bad value or refers to something that does not exist; nothing was written.</summary>
    InvalidRecord,

    /// <summary>The record clashes with stored data (duplicate key or extension, or it is still in use); nothing was written.</summary>
    Conflict,

    /// <summary>Another connection held the write lock for longer than the busy timeout.</summary>
    Busy,

    /// <summary>The operating system refused the file: disk full, read-only, permissions or an I/O error.</summary>
    IoError,
}
