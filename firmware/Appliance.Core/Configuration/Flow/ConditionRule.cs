namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// One test of a <see cref="ConditionNode"/>. <see cref="Subject"/> says what is tested:
/// "caller" (the caller's number starts with <see cref="Value"/>), "vip" (the caller is on the VIP list),
/// "language" (the call's language is <see cref="Value"/>), "time" (local time is within <see cref="Value"/>, "HH:mm-HH:mm"),
/// "calendar" (the calendar named <see cref="Name"/> is open now), "variable" (variable <see cref="Name"/> equals <see cref="Value"/>).
/// </summary>
public sealed record ConditionRule
{
    /// <summary>What is tested.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The calendar or variable name, for subjects that need one.</summary>
    public string? Name { get; init; }

    /// <summary>The value compared with.</summary>
    public string? Value { get; init; }

    /// <summary>The node taken when the test holds.</summary>
    public string? Next { get; init; }
}
