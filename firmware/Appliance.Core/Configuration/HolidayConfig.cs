namespace Appliance.Core.Configuration;

/// <summary>
/// A dated exception: closed all day when <see cref="Open"/> and <see cref="Close"/> are absent, else open only
/// between them (a half day).
/// </summary>
public sealed record HolidayConfig
{
    /// <summary>The date, "yyyy-MM-dd".</summary>
    public string Date { get; init; } = "";

    /// <summary>What the day is, for people reading the calendar.</summary>
    public string? Name { get; init; }

    /// <summary>Opening time on a half day, "HH:mm"; null when closed all day.</summary>
    public string? Open { get; init; }

    /// <summary>Closing time on a half day, "HH:mm"; null when closed all day.</summary>
    public string? Close { get; init; }
}
