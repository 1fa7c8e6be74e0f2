using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>Turns SQLite's numeric errors into <see cref="StorageException"/>s that say what happened in words.</summary>
internal static class SqliteErrors
{
    // Primary result codes from sqlite3.h; the extended code's low byte is the primary code.
    public const int Perm = 3;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Constraint = 19;
    public const int NotADatabase = 26;

    // Extended constraint codes: which kind of constraint failed.
    public const int ConstraintPrimaryKey = Constraint | (6 << 8);
    public const int ConstraintUnique = Constraint | (8 << 8);

    public static bool IsCorruption(SqliteException exception) =>
        exception.SqliteErrorCode is Corrupt or NotADatabase;

    public static bool IsDuplicateKey(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique;

    /// <summary>Wraps <paramref name="exception"/> raised while doing <paramref name="action"/> on <paramref name="databaseFile"/>.</summary>
    public static StorageException Translate(SqliteException exception, string databaseFile, string action)
    {
        var (failure, advice) = exception.SqliteErrorCode switch
        {
            Busy or Locked => (StorageFailure.Busy,
                "another connection held the database lock for longer than Storage:BusyTimeoutMilliseconds; try again"),
            Corrupt or NotADatabase => (StorageFailure.Corrupt,
                "the database file is damaged; restore a backup or move it aside"),
            Full => (StorageFailure.IoError, "the disk is full; free space and try again"),
            ReadOnly => (StorageFailure.IoError, "the database file or its directory is read-only; check permissions and mounts"),
            Perm or CantOpen => (StorageFailure.IoError, "the database file cannot be opened; check that it exists and its permissions"),
            IoErr => (StorageFailure.IoError, "the operating system reported an I/O error; check the storage device"),
            Constraint when IsDuplicateKey(exception) => (StorageFailure.Conflict, "a record with the same key already exists"),
            Constraint => (StorageFailure.InvalidRecord, "a value breaks a rule of the schema"),
            _ => (StorageFailure.IoError, "unexpected SQLite error"),
        };

        return new StorageException(
            failure,
            $"{action} failed on {databaseFile}: {advice} (SQLite error {exception.SqliteExtendedErrorCode}: {exception.Message})",
            exception);
    }
}
