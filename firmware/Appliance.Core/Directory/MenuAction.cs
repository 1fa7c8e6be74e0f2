namespace Appliance.Core.Directory;

/// <summary>One menu key's action, parsed from its stored form ("queue:general", "menu:cards", "hangup", "repeat").</summary>
public sealed record MenuAction(MenuActionKind Kind, string? Target)
{
    /// <summary>Parses the stored form.</summary>
    /// <exception cref="FormatException">The text is not an action.</exception>
    public static MenuAction Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var verb = colon < 0 ? text : text[..colon];
        var target = colon < 0 ? null : text[(colon + 1)..];
        return (verb, target) switch
        {
            ("queue", { Length: > 0 }) => new MenuAction(MenuActionKind.Queue, target),
            ("menu", { Length: > 0 }) => new MenuAction(MenuActionKind.Menu, target),
            ("hangup", null) => new MenuAction(MenuActionKind.Hangup, null),
            ("repeat", null) => new MenuAction(MenuActionKind.Repeat, null),
            _ => throw new FormatException($"'{text}' is not a menu action (queue:NAME, menu:NAME, hangup, repeat)."),
        };
    }
}
