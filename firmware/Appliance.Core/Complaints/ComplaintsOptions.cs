using System.ComponentModel.DataAnnotations;

namespace Appliance.Core.Complaints;

/// <summary>How complaint tickets are dispatched and chased. Section "Complaints" of the host's settings.</summary>
public sealed class ComplaintsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Complaints";

    /// <summary>A complaint of the same customer and category within this many days is a repeat and links the earlier ticket.</summary>
    [Range(1, 3650)]
    public int RepeatWindowDays { get; set; } = 30;

    /// <summary>The department a category without its own entry is dispatched to.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "must be 1-64 letters, digits, '.', '_' or '-'")]
    public string DefaultDepartment { get; set; } = "customer-service";

    /// <summary>The deadline, in hours after dispatch, of a category without its own entry.</summary>
    [Range(1, 8760)]
    public int DefaultDeadlineHours { get; set; } = 72;

    /// <summary>Per category (e.g. "card-fee"): the department and deadline it is dispatched with.</summary>
    public Dictionary<string, ComplaintCategoryOptions> Categories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>After an escalation, the department gets this many more hours before the next one.</summary>
    [Range(1, 8760)]
    public int EscalationHours { get; set; } = 24;

    /// <summary>How often the overdue chase looks for passed deadlines.</summary>
    [Range(1, 86400)]
    public int ChaseIntervalSeconds { get; set; } = 60;

    /// <summary>The queue (with callbacks configured) a resolved complaint's callback to the customer waits in; empty: none is queued.</summary>
    [RegularExpression("^$|^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "must be empty or 1-64 letters, digits, '.', '_' or '-'")]
    public string CallbackQueue { get; set; } = "";

    /// <summary>The language the callback agent's announcements use.</summary>
    [Required]
    public string CallbackLanguage { get; set; } = "en";
}
