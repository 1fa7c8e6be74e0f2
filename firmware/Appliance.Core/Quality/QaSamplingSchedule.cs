using System.Globalization;
using Appliance.Core.Quality.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Quality;

/// <summary>
/// Draws each week's QA review list by itself, <see cref="QualityOptions.AutoSampleDelayMinutes"/> after the week ends
/// (weeks are <see cref="QaWeek"/>'s, Monday 00:00 UTC, the weeks <c>appliance qa sample</c> draws). At start it draws the
/// last week if its time has come and nobody drew it (the box was off on Monday). A week is drawn once: qa_sample_weeks
/// keeps it across restarts and manual draws, so a restart the same week draws nothing new. Runs on the thread pool
/// (the draw reads and writes SQLite), never on the media loop.
/// </summary>
public sealed class QaSamplingSchedule(QaService qa, IOptions<QualityOptions> options, TimeProvider time, ILogger<QaSamplingSchedule> logger)
{
    /// <summary>How long a failed draw waits before it is tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(15);

    private readonly QualityOptions _options = options.Value;

    /// <summary>
    /// Raised after each scheduled check, once the next one is timed, with the week start checked and whether this check
    /// drew it (false when it was drawn before, or the draw failed).
    /// </summary>
    public event Action<DateTimeOffset, bool>? Checked;

    /// <summary>
    /// Checks now and then at each week's sampling time until <paramref name="stoppingToken"/> is cancelled. A failed
    /// draw is logged and tried again after <see cref="RetryAfter"/>; the loop itself never fails.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!_options.AutoSample)
        {
            QaLog.AutoSampleOff(logger);
            return;
        }

        // Off the caller's thread: the host starts the next service while the first draw reads the week's calls.
        await Task.Yield();
        var delay = TimeSpan.FromMinutes(_options.AutoSampleDelayMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();

            // The newest week whose sampling time (its end plus the delay) has come, and when the next one's comes.
            var current = QaWeek.StartOf(now - delay);
            var due = current.AddDays(-7);
            var next = current.AddDays(7) + delay;
            var (checkedOk, drawnNow) = TryDraw(due);
            var wait = checkedOk ? next - now : RetryAfter;
            QaLog.AutoSampleNext(logger, now + wait, Day(checkedOk ? current : due));

            // The next wake-up is armed before Checked is raised, so whoever moves the clock on hearing it is not early.
            var sleep = Task.Delay(wait, time, stoppingToken);
            Checked?.Invoke(due, drawnNow);
            try
            {
                await sleep;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private (bool Ok, bool DrawnNow) TryDraw(DateTimeOffset week)
    {
        var day = DateOnly.FromDateTime(week.UtcDateTime);
        try
        {
            return (true, !qa.List(day).Drawn && qa.Sample(day).DrawnNow);
        }
        catch (Exception ex) when (ex is StorageException or QaException)
        {
            QaLog.AutoSampleFailed(logger, ex, Day(week), (int)RetryAfter.TotalMinutes);
            return (false, false);
        }
    }

    private static string Day(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
