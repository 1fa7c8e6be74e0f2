namespace Appliance.Core.Complaints;

/// <summary>Where a complaint category is dispatched, and how long the department has to answer.</summary>
public sealed class ComplaintCategoryOptions
{
    /// <summary>The responsible department, e.g. "cards".</summary>
    public string Department { get; set; } = "";

    /// <summary>Hours after dispatch before the ticket is overdue.</summary>
    public int DeadlineHours { get; set; }
}
