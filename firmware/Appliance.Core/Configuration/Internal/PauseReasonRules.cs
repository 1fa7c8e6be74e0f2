namespace Appliance.Core.Configuration.Internal;

/// <summary>Pause reasons: codes of 1–2 digits (keyed after *53 on a phone), unique, each with a name.</summary>
internal static class PauseReasonRules
{
    public static void Check(IReadOnlyList<PauseReasonConfig> reasons, ErrorList errors)
    {
        errors.Unique(reasons, r => r.Code, "pauseReasons", "pause reason code");
        foreach (var reason in reasons)
        {
            var path = $"pauseReasons[{reason.Code}]";
            if (reason.Code is not { Length: >= 1 and <= 2 } || !reason.Code.All(char.IsAsciiDigit))
            {
                errors.Add(path + ".code", $"'{reason.Code}' must be 1 or 2 digits");
            }

            if (string.IsNullOrWhiteSpace(reason.Name))
            {
                errors.Add(path + ".name", "is missing");
            }
            else if (reason.Name.Length > 40)
            {
                errors.Add(path + ".name", "must be at most 40 characters");
            }
        }
    }
}
