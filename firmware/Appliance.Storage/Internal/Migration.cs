namespace Appliance.Storage.Internal;

/// <summary>One numbered schema step: applying it moves the database from <c>Version - 1</c> to <see cref="Version"/>.</summary>
/// <param name="Version">The schema version after this step; versions start at 1 and have no gaps.</param>
/// <param name="Name">The step's name as recorded in schema_migrations, e.g. "0001_initial".</param>
/// <param name="Sql">The statements; no BEGIN/COMMIT, the runner owns the transaction.</param>
internal sealed record Migration(int Version, string Name, string Sql);
