namespace Appliance.Core.Complaints.TicketSync;

/// <summary>What became of one pulled head-office change.</summary>
public enum TicketChangeOutcome
{
    /// <summary>The ticket was still at the change's revision: it is now that revision + 1.</summary>
    Applied,

    /// <summary>Applied by an earlier pull (the cursor had not moved yet): nothing done twice.</summary>
    AlreadyApplied,

    /// <summary>Not applied (the ticket changed on the box too, or the box's rules refuse it): kept in ticket_conflicts.</summary>
    Conflict,
}
