using System.Globalization;
using Appliance.Storage;

namespace Appliance.Core.Complaints.Internal;

/// <summary>What a change does to a complaint, decided before anything is written.</summary>
internal sealed class ComplaintRules(ComplaintsOptions options)
{
    public static void CheckNew(NewComplaint complaint)
    {
        Require(complaint.Category, "category");
        Require(complaint.CustomerNumber, "customer number");
        Require(complaint.Channel, "channel");
        Require(complaint.Description, "description");
        Require(complaint.Actor, "actor");
    }

    public static void CheckRevision(ComplaintTicketRecord current, int basedOn)
    {
        if (current.Revision != basedOn)
        {
            throw new ComplaintException(ComplaintFailure.StaleRevision, string.Create(CultureInfo.InvariantCulture,
                $"ticket '{current.Id}': the change is based on revision {basedOn} but the ticket is at revision {current.Revision}; read it again; nothing was changed"));
        }
    }

    public (ComplaintTicketRecord Next, string What) Apply(ComplaintTicketRecord current, ComplaintChange change, DateTimeOffset now)
    {
        Require(change.Actor, "actor");
        var subject = $"ticket '{current.Id}'";
        var from = current.Ticket.Status;
        var to = change.Status ?? from;
        if (change.Status is not null && !ComplaintStatuses.All.Contains(change.Status))
        {
            throw Invalid($"{subject}: status '{change.Status}' is unknown; it must be one of {string.Join(", ", ComplaintStatuses.All)}");
        }

        if (to != from && !ComplaintTransitions.Allowed(from, to))
        {
            throw Invalid($"{subject}: cannot go from {from} to {to}; from {from} it may go to {ComplaintTransitions.Describe(from)}");
        }

        if (change.Satisfaction is { } score && (to != ComplaintStatuses.Confirmed || from == to))
        {
            throw Invalid($"{subject}: a satisfaction score is given only when confirming (status {ComplaintStatuses.Confirmed})");
        }

        if (to == ComplaintStatuses.Confirmed && from != to && change.Satisfaction is not (>= 1 and <= 5))
        {
            throw Invalid($"{subject}: confirming needs the customer's satisfaction score 1-5 (got {change.Satisfaction?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
        }

        if (change.Department is not null && to != ComplaintStatuses.Dispatched)
        {
            throw Invalid($"{subject}: a department is chosen only when dispatching (status {ComplaintStatuses.Dispatched})");
        }

        if (change.Status is null && change.Note is null)
        {
            throw Invalid($"{subject}: the change changes nothing (give a status or a note)");
        }

        var notes = change.Note is { Length: > 0 } note ? $"{current.Ticket.Notes}\n[{now:u} {change.Actor}] {note}" : current.Ticket.Notes;
        var next = current with { Ticket = current.Ticket with { Status = to, Notes = notes } };
        if (to == from)
        {
            return (next, "note added");
        }

        next = to switch
        {
            ComplaintStatuses.Dispatched => Dispatch(next, change.Department, now),
            ComplaintStatuses.Resolved => next with { DeadlineAt = null, CallbackDueAt = now },
            ComplaintStatuses.Confirmed => next with { Satisfaction = change.Satisfaction },
            ComplaintStatuses.Closed => next with { DeadlineAt = null },
            ComplaintStatuses.Reopened => next with { Satisfaction = null, CallbackDueAt = null, DeadlineAt = now.AddHours(DeadlineHours(current.Ticket.Type)) },
            _ => next,
        };
        return (next, $"{from} -> {to}");
    }

    private ComplaintTicketRecord Dispatch(ComplaintTicketRecord ticket, string? department, DateTimeOffset now)
    {
        options.Categories.TryGetValue(ticket.Ticket.Type, out var category);
        return ticket with
        {
            Department = department ?? (category?.Department is { Length: > 0 } d ? d : options.DefaultDepartment),
            DeadlineAt = now.AddHours(DeadlineHours(ticket.Ticket.Type)),
        };
    }

    private int DeadlineHours(string category) =>
        options.Categories.TryGetValue(category, out var entry) && entry.DeadlineHours > 0 ? entry.DeadlineHours : options.DefaultDeadlineHours;

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid($"{field} is required");
        }
    }

    private static ComplaintException Invalid(string message) => new(ComplaintFailure.Invalid, $"{message}; nothing was changed");
}
