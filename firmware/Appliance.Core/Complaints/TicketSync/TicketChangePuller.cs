using Appliance.Core.Complaints.TicketSync.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Complaints.TicketSync;

/// <summary>
/// Every <see cref="TicketSyncOptions.PullIntervalSeconds"/> on the injected clock, asks head office for the ticket
/// changes after the stored cursor and applies them in order (<see cref="TicketChangeApplier"/>). A failed pull is
/// logged and tried again next interval; the cursor lives in SQLite, so a restart resumes where it stopped.
/// </summary>
public sealed class TicketChangePuller(
    ITicketChangeSource? source, TicketChangeApplier applier, TicketSyncRepository store, IOptions<TicketSyncOptions> options,
    TimeProvider time, ILogger<TicketChangePuller> logger) : BackgroundService
{
    private readonly TicketSyncOptions _options = options.Value;
    private PeriodicTimer? _timer;

    /// <summary>Pulls and applies until head office has nothing newer; returns how many changes were handled.</summary>
    /// <exception cref="InvalidOperationException">No head office is configured.</exception>
    public async Task<int> PullOnceAsync(CancellationToken cancellationToken)
    {
        var from = source ?? throw new InvalidOperationException("no head office is configured to pull ticket changes from");
        var handled = 0;
        while (true)
        {
            var cursor = store.GetCursor();
            var changes = await from.PullAsync(cursor, _options.MaxChangesPerPull, cancellationToken).ConfigureAwait(false);
            foreach (var change in changes.Where(c => c.ChangeId > cursor).OrderBy(c => c.ChangeId))
            {
                applier.Apply(change);
                handled++;
            }

            if (changes.Count < _options.MaxChangesPerPull)
            {
                return handled;
            }
        }
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Armed here so the first pull is one interval after start on the injected clock.
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.PullIntervalSeconds), time);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("the ticket puller was not started");
        if (source is null)
        {
            TicketSyncLog.Disabled(logger);
            return;
        }

        TicketSyncLog.Started(logger, _options.PullIntervalSeconds, store.GetCursor());
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await PullOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    TicketSyncLog.PullFailed(logger, ex, _options.PullIntervalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
