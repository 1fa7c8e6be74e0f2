using System.Text.RegularExpressions;

namespace Appliance.Core.Configuration.Internal;

/// <summary>The shapes of names and keys in a configuration document.</summary>
internal static partial class Names
{
    /// <summary>Menu, queue, node, calendar, skill and agent names: letters, digits, '_', '-', '.', at most 40, no leading punctuation.</summary>
    public static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    /// <summary>Prompt names are file names without extension, so they may not hold path characters.</summary>
    public static bool IsPromptName(string? value) => value is not null && PromptPattern().IsMatch(value);

    /// <summary>A telephone keypad key.</summary>
    public static bool IsKey(string? value) => value is { Length: 1 } && "0123456789*#".Contains(value[0], StringComparison.Ordinal);

    /// <summary>A phone number or DID: digits, optionally after one '+'.</summary>
    public static bool IsNumber(string? value) => value is not null && NumberPattern().IsMatch(value);

    /// <summary>Adds an error unless <paramref name="value"/> is a name.</summary>
    public static void Check(ErrorList errors, string path, string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(path, $"{what} is missing");
        }
        else if (!IsName(value))
        {
            errors.Add(path, $"{what} '{value}' must be 1 to 40 letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex PromptPattern();

    [GeneratedRegex(@"^\+?[0-9]{2,20}$")]
    private static partial Regex NumberPattern();
}
