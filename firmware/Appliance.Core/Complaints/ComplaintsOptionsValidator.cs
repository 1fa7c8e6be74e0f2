using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Complaints;

/// <summary>Checks every category entry, naming the category and the setting that is wrong.</summary>
public sealed partial class ComplaintsOptionsValidator : IValidateOptions<ComplaintsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ComplaintsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (category, entry) in options.Categories ?? [])
        {
            if (string.IsNullOrWhiteSpace(category) || category.Length > 64)
            {
                failures.Add($"Categories:{category}: a category name must be 1-64 characters");
            }

            if (entry is null || !Identifier().IsMatch(entry.Department ?? ""))
            {
                failures.Add($"Categories:{category}:Department: '{entry?.Department}' must be 1-64 letters, digits, '.', '_' or '-'");
            }

            if (entry is not null && entry.DeadlineHours is < 1 or > 8760)
            {
                failures.Add($"Categories:{category}:DeadlineHours: {entry.DeadlineHours} must be between 1 and 8760");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
