using Appliance.Core.Directory;
using Appliance.Core.Recording.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Recording;

/// <summary>
/// Deletes recordings past their retention (the queue's retentionDays, else the default), files and rows, in small
/// batches on the thread pool (never on the media loop), never one of a call under legal hold. Rows go first, each with
/// a purge link in the hash chain, then the files: the database never points at a deleted file, and the chain stays
/// verifiable.
/// </summary>
public sealed class RecordingPurge(
    RecordingComplianceRepository repository,
    ICallCenterDirectory directory,
    IOptions<RecordingOptions> options,
    TimeProvider time,
    ILogger<RecordingPurge> logger)
{
    private static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(1);
    private readonly RecordingOptions _options = options.Value;

    /// <summary>Raised after each scheduled purge of <see cref="RunAsync"/> with the number deleted (0 when it failed).</summary>
    public event Action<int>? RunCompleted;

    /// <summary>
    /// Purges now and then every <see cref="RecordingOptions.PurgeIntervalMinutes"/> until <paramref name="stoppingToken"/>
    /// is cancelled. A failed purge is logged and tried again at the next interval; the loop itself never fails.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(_options.PurgeIntervalMinutes), time);
        do
        {
            var purged = 0;
            try
            {
                purged = await PurgeExpiredAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StorageException or IOException or UnauthorizedAccessException)
            {
                RecordingComplianceLog.PurgeFailed(logger, ex, _options.PurgeIntervalMinutes);
            }

            RunCompleted?.Invoke(purged);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Purges every recording expired now; returns how many were deleted.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = time.GetTimestamp();
            var now = time.GetUtcNow();
            var cutoffs = directory.AllQueues
                .Where(q => q.RetentionDays is not null)
                .ToDictionary(q => q.Name, q => now.AddDays(-q.RetentionDays!.Value), StringComparer.Ordinal);
            var expired = repository.ListExpired(cutoffs, now.AddDays(-_options.DefaultRetentionDays), _options.PurgeBatchSize);
            if (expired.Count == 0)
            {
                break;
            }

            var purged = repository.Purge(expired, now);
            foreach (var recording in purged)
            {
                DeleteFile(recording);
            }

            total += purged.Count;

            // Between batches, rest as long as the batch took (at most a second): the purge uses at most half of a core
            // and the database half of the time, so the media loop's threads, the journal writer and the calls' own
            // writes get in; 100,000 recordings take twice as long, which nobody waits for. On a manual clock a batch
            // takes no time, so tests never wait here.
            var took = time.GetElapsedTime(started);
            if (took > TimeSpan.Zero)
            {
                await Task.Delay(took < MaxRest ? took : MaxRest, time, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }
        }

        if (total > 0)
        {
            RecordingComplianceLog.Purged(logger, total, _options.DefaultRetentionDays);
        }

        return total;
    }

    private void DeleteFile(ExpiredRecording recording)
    {
        try
        {
            File.Delete(recording.Path);
            RecordingComplianceLog.Deleted(logger, recording.Id, recording.CallId, recording.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordingComplianceLog.FileNotDeleted(logger, recording.Path, ex.Message);
        }
    }
}
