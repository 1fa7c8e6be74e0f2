namespace Appliance.Storage.Internal;

/// <summary>
/// The words of every refusal: each names the file, says what is wrong with it, and what the technician can do.
/// </summary>
internal static class Refusals
{
    /// <summary>The refusal for a file that neither Migrate nor Open may touch, or null when the file is usable.</summary>
    public static StorageException? ForUnusable(DatabaseInspection inspection) => inspection.State switch
    {
        DatabaseState.Corrupt => new StorageException(StorageFailure.Corrupt,
            $"{inspection.Path} is damaged ({inspection.Detail}): refusing to open it; restore a backup, or move the file "
            + "aside to start with an empty database"),
        DatabaseState.Foreign => new StorageException(StorageFailure.Foreign,
            $"{inspection.Path} is not this appliance's database ({inspection.Detail}): refusing to touch it; move it aside "
            + "or set Storage:DatabaseFile to another file"),
        DatabaseState.NewerSchema => new StorageException(StorageFailure.NewerSchema,
            $"{inspection.Path} was written by newer firmware (schema {inspection.SchemaVersion}, this firmware knows "
            + $"{inspection.SupportedSchemaVersion}): refusing to open it; install newer firmware or restore a backup"),
        _ => null,
    };

    /// <summary>The refusal of Open for a usable file that is missing, empty or at an older schema.</summary>
    public static StorageException ForNotCurrent(DatabaseInspection inspection) =>
        inspection.State is DatabaseState.Missing or DatabaseState.Empty
            ? new StorageException(StorageFailure.Missing,
                $"{inspection.Path} has no appliance database yet ({inspection.Detail}); run `appliance db migrate` to create it")
            : new StorageException(StorageFailure.OutdatedSchema,
                $"{inspection.Path} is at schema {inspection.SchemaVersion} and this firmware needs "
                + $"{inspection.SupportedSchemaVersion}; run `appliance db migrate` to upgrade it");
}
