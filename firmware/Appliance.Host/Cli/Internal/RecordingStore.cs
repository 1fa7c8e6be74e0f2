using Appliance.Core;
using Appliance.Host.Hosting;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Cli.Internal;

/// <summary>Opens the appliance's database and recordings folder for the <c>recordings</c> verbs (no running appliance needed).</summary>
internal static class RecordingStore
{
    /// <summary>Runs <paramref name="work"/> on the database; prints why and returns the exit code when it cannot be opened.</summary>
    public static async Task<int> WithAsync(ApplianceLaunch launch, Func<ApplianceDatabase, string, Task<int>> work)
    {
        if (await StandaloneOptions.LoadAsync(launch) is not { } configuration)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var storage = StandaloneOptions.Read<StorageOptions>(configuration, StorageOptions.SectionName, out var storageFailures);
        var callCenter = StandaloneOptions.Read<CallCenterOptions>(configuration, CallCenterOptions.SectionName, out var callCenterFailures);
        if (!await StandaloneOptions.AcceptAsync(launch, [.. storageFailures, .. callCenterFailures]))
        {
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            using var database = new ApplianceDatabase(
                storage.ResolveDatabasePath(launch.DataDirectory.Path), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System, storage);
            database.Open();
            return await work(database, CallCenterPaths.Resolve(launch.DataDirectory.Path, callCenter.RecordingsDirectory));
        }
        catch (StorageException ex)
        {
            await launch.Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.StorageFailure;
        }
    }
}
