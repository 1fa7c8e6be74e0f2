using Appliance.Core.Complaints.Internal;
using Appliance.Core.Journal;
using Appliance.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Complaints;

/// <summary>
/// The overdue chase: every <see cref="ComplaintsOptions.ChaseIntervalSeconds"/> on the injected clock, each
/// dispatched, in-progress or reopened ticket whose deadline passed gets a reminder event and is escalated one level,
/// with a new deadline <see cref="ComplaintsOptions.EscalationHours"/> later (so it is chased again if still unanswered).
/// </summary>
public sealed class ComplaintChase(
    ComplaintTicketRepository tickets, IOptions<ComplaintsOptions> options, ICallJournal journal, TimeProvider time,
    ILogger<ComplaintChase> logger) : BackgroundService
{
    /// <summary>Escalates every overdue ticket now.</summary>
    /// <returns>How many tickets were escalated.</returns>
    public int ChaseOnce()
    {
        var now = time.GetUtcNow();
        var escalated = 0;
        foreach (var ticket in tickets.ListOverdue(now, ComplaintStatuses.Chased))
        {
            var deadline = ticket.DeadlineAt!.Value;
            var next = ticket with { EscalationLevel = ticket.EscalationLevel + 1, DeadlineAt = now.AddHours(options.Value.EscalationHours) };
            ComplaintTicketRecord stored;
            try
            {
                stored = tickets.Update(next, "chase", $"overdue since {deadline:u}: escalated to level {next.EscalationLevel}");
            }
            catch (StorageException ex) when (ex.Failure == StorageFailure.Conflict)
            {
                // An agent or head office changed it in between; the next round sees their version.
                ComplaintLog.ChaseRaced(logger, ticket.Id);
                continue;
            }

            journal.Append(ComplaintEvents.Of(stored, CallEventKinds.TicketReminder, now,
                new { ticket = stored.Id, department = stored.Department, deadline }));
            journal.Append(ComplaintEvents.Of(stored, CallEventKinds.TicketEscalated, now,
                new { ticket = stored.Id, level = stored.EscalationLevel, deadline = stored.DeadlineAt }));
            ComplaintLog.Escalated(logger, stored.Id, stored.Department, deadline, stored.EscalationLevel);
            escalated++;
        }

        return escalated;
    }

    private PeriodicTimer? _timer;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Armed here, not in ExecuteAsync (which runs later on the thread pool), so the chase counts from start.
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ChaseIntervalSeconds), time);
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
        var timer = _timer ?? throw new InvalidOperationException("the chase was not started");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    ChaseOnce();
                }
                catch (StorageException ex)
                {
                    ComplaintLog.ChaseFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
