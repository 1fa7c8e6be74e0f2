using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.Host.Configuration.Internal;

/// <summary>
/// Short messages for failed settings, phrased to follow the setting path ("…:LineCount: must be between 1 and 32"),
/// and normalisation of messages that come from other components' validators.
/// </summary>
internal static partial class FailureMessages
{
    public static string Describe(ValidationAttribute attribute, ValidationResult? result, string memberName)
    {
        // An author who wrote their own message meant it to be shown as is.
        if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null)
        {
            return result?.ErrorMessage ?? attribute.FormatErrorMessage(memberName);
        }

        return attribute switch
        {
            RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum}"),
            RequiredAttribute => "is required",
            StringLengthAttribute length when length.MinimumLength > 0 =>
                string.Create(CultureInfo.InvariantCulture, $"must be {length.MinimumLength} to {length.MaximumLength} characters long"),
            StringLengthAttribute length => string.Create(CultureInfo.InvariantCulture, $"must be at most {length.MaximumLength} characters long"),
            MinLengthAttribute min => string.Create(CultureInfo.InvariantCulture, $"must have a length of at least {min.Length}"),
            MaxLengthAttribute max => string.Create(CultureInfo.InvariantCulture, $"must have a length of at most {max.Length}"),
            RegularExpressionAttribute regex => $"must match the pattern {regex.Pattern}",
            AllowedValuesAttribute allowed => $"must be one of {string.Join(", ", allowed.Values)}",
            _ => TrimSentence(result?.ErrorMessage ?? attribute.FormatErrorMessage(memberName)),
        };
    }

    /// <summary>
    /// Makes a failure from any validator of the options bound at <paramref name="sectionPath"/> start with a full setting path.
    /// </summary>
    public static string Normalize(string sectionPath, string message)
    {
        var dataAnnotations = DataAnnotationsFailurePattern().Match(message);
        if (dataAnnotations.Success)
        {
            var member = dataAnnotations.Groups["member"].Value;
            var error = dataAnnotations.Groups["error"].Value;
            return $"{sectionPath}:{member}: {TrimSentence(StripFieldPrefix(error, member))}";
        }

        var full = message.StartsWith(sectionPath + ":", StringComparison.OrdinalIgnoreCase)
            ? message
            : RelativeKeyPattern().IsMatch(message) ? $"{sectionPath}:{message}" : null;
        if (full is null)
        {
            return $"{sectionPath}: {TrimSentence(message)}";
        }

        // "Board:Simulated:LineCount must be …" and "Board:Simulated:LineCount: must be …" both become the latter.
        var keyEnd = full.IndexOf(' ', StringComparison.Ordinal);
        return keyEnd < 0 ? full : $"{full[..keyEnd].TrimEnd(':')}: {TrimSentence(full[(keyEnd + 1)..])}";
    }

    private static string StripFieldPrefix(string error, string member)
    {
        var prefix = $"The field {member} ";
        return error.StartsWith(prefix, StringComparison.Ordinal) ? error[prefix.Length..] : error;
    }

    private static string TrimSentence(string message) => message.TrimEnd('.');

    // What ValidateDataAnnotations() produces, should a component register its own instead of ours.
    [GeneratedRegex(@"members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex DataAnnotationsFailurePattern();

    // "LineCount: must be …" or "Trunks:0:Host: …": a key relative to the section, then the message.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z0-9_]+)*: \S", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeKeyPattern();
}
