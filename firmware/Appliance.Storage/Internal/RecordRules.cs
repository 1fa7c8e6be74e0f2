using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.Storage.Internal;

/// <summary>
/// Checks of values that come from outside (web forms, configuration, call signalling) before anything is written,
/// so a bad value gives an error naming the record and field instead of a half-written change or an SQLite code.
/// </summary>
internal static partial class RecordRules
{
    public const int MaxNameLength = 64;

    public static StorageException Invalid(string subject, string problem) =>
        new(StorageFailure.InvalidRecord, $"{subject}: {problem}; nothing was stored");

    public static StorageException Conflict(string subject, string problem) =>
        new(StorageFailure.Conflict, $"{subject}: {problem}; nothing was stored");

    /// <summary>Names of queues, menus and agents: they appear in actions ("queue:NAME") and file names, so no spaces or colons.</summary>
    public static void Identifier(string? value, string subject, string field)
    {
        if (value is null || !IdentifierPattern().IsMatch(value))
        {
            throw Invalid(subject,
                $"{field} '{value}' must be 1-{MaxNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /// <summary>Prompt names map to files "&lt;name&gt;.wav" in the language folder, so no separators or dots.</summary>
    public static void PromptName(string? value, string subject, string field)
    {
        if (value is null || !PromptPattern().IsMatch(value))
        {
            throw Invalid(subject, $"{field} '{value}' must be a prompt name of 1-64 letters, digits, '_' or '-' (e.g. \"greeting\")");
        }
    }

    public static void Extension(string? value, string subject)
    {
        if (value is null || !ExtensionPattern().IsMatch(value))
        {
            throw Invalid(subject, $"extension '{value}' must be 1-16 digits");
        }
    }

    /// <summary>Free text such as display names: printable, bounded.</summary>
    public static void Text(string? value, string subject, string field, int maxLength, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                throw Invalid(subject, $"{field} is required");
            }

            return;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(subject, $"{field} must not be empty");
        }

        if (value.Length > maxLength)
        {
            throw Invalid(subject, $"{field} is {value.Length} characters long; at most {maxLength} are allowed");
        }

        foreach (var character in value)
        {
            if (char.IsControl(character))
            {
                throw Invalid(subject, string.Create(CultureInfo.InvariantCulture,
                    $"{field} contains the control character U+{(int)character:X4}"));
            }
        }
    }

    public static void Range(long value, long minimum, long maximum, string subject, string field)
    {
        if (value < minimum || value > maximum)
        {
            throw Invalid(subject, string.Create(CultureInfo.InvariantCulture,
                $"{field} is {value}; it must be between {minimum} and {maximum}"));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PromptPattern();

    [GeneratedRegex(@"^[0-9]{1,16}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionPattern();
}
