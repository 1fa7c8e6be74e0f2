namespace Appliance.Core.Configuration;

/// <summary>When a branch is open: weekly hours, and dated exceptions (holidays closed all day, or half days).</summary>
public sealed record CalendarConfig
{
    /// <summary>The calendar's name, unique among calendars.</summary>
    public string Name { get; init; } = "";

    /// <summary>The usual week; days not listed are closed.</summary>
    public IReadOnlyList<OpeningHours> Weekly { get; init; } = [];

    /// <summary>Dated exceptions to <see cref="Weekly"/>.</summary>
    public IReadOnlyList<HolidayConfig> Holidays { get; init; } = [];
}
