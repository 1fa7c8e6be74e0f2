namespace Appliance.Storage.Internal;

/// <summary>The stored form of a menu action: "queue:NAME", "menu:NAME", "hangup" or "repeat".</summary>
internal static class MenuActionText
{
    public const string QueuePrefix = "queue:";
    public const string MenuPrefix = "menu:";
    public const string Hangup = "hangup";
    public const string Repeat = "repeat";

    /// <summary>Checks the action's form; returns the queue or menu it points at so the caller can check that it exists.</summary>
    public static (string? Queue, string? Menu) Parse(string? action, string subject)
    {
        if (action is Hangup or Repeat)
        {
            return (null, null);
        }

        if (action is not null && action.StartsWith(QueuePrefix, StringComparison.Ordinal))
        {
            var queue = action[QueuePrefix.Length..];
            RecordRules.Identifier(queue, subject, "queue in action");
            return (queue, null);
        }

        if (action is not null && action.StartsWith(MenuPrefix, StringComparison.Ordinal))
        {
            var menu = action[MenuPrefix.Length..];
            RecordRules.Identifier(menu, subject, "menu in action");
            return (null, menu);
        }

        throw RecordRules.Invalid(subject, $"action '{action}' is not one of queue:NAME, menu:NAME, hangup, repeat");
    }
}
