using System.Text.RegularExpressions;

namespace Appliance.Core.Configuration.Internal;

/// <summary>The branch's time zone and languages.</summary>
internal static partial class BranchRules
{
    public static void Check(BranchSettings branch, ErrorList errors)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(branch.TimeZone, out _))
        {
            errors.Add("branch.timeZone", $"'{branch.TimeZone}' is not a time zone this box knows (use an IANA id such as Asia/Shanghai)");
        }

        if (branch.Languages.Count == 0)
        {
            errors.Add("branch.languages", "at least one language is needed");
        }

        foreach (var language in branch.Languages)
        {
            if (!LanguagePattern().IsMatch(language))
            {
                errors.Add($"branch.languages[{language}]", "must be a language code such as en or zh");
            }
        }

        errors.Unique(branch.Languages, l => l, "branch.languages", "language");
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();
}
