namespace Appliance.Core.Configuration;

/// <summary>Where a queue sends callers it cannot serve: "queue:NAME", "menu:NAME" or "hangup".</summary>
public sealed record RouteTarget(RouteTargetKind Kind, string? Name)
{
    /// <summary>Reads a target; null when the text is not one.</summary>
    public static RouteTarget? Parse(string? text) => text switch
    {
        "hangup" => new RouteTarget(RouteTargetKind.Hangup, null),
        ['q', 'u', 'e', 'u', 'e', ':', .. var name] when name.Length > 0 => new RouteTarget(RouteTargetKind.Queue, name),
        ['m', 'e', 'n', 'u', ':', .. var name] when name.Length > 0 => new RouteTarget(RouteTargetKind.Menu, name),
        _ => null,
    };
}
