using System.Globalization;
using System.Text.RegularExpressions;
using Appliance.Storage;

namespace Appliance.Host.Control.Internal;

/// <summary>Checks a campaign request before anything is stored; a problem names the field and what is wrong.</summary>
internal static partial class CampaignRequestValidation
{
    public static string? Validate(CampaignCreateRequest request, out CampaignRecord? campaign, DateTimeOffset now)
    {
        campaign = null;
        string? problem = !Identifier().IsMatch(request.Name ?? string.Empty) ? $"name '{request.Name}' must be 1-64 letters, digits, '.', '_' or '-'"
            : !Identifier().IsMatch(request.Queue ?? string.Empty) ? $"queue '{request.Queue}' is not a queue name"
            : request.Mode is not ("progressive" or "preview") ? $"mode '{request.Mode}' must be progressive or preview"
            : request.MaxAttempts is < 1 or > 3 ? $"maxAttempts {request.MaxAttempts} must be 1 to 3"
            : Math.Min(request.RetryBusySeconds, Math.Min(request.RetryNoAnswerSeconds, request.RetryCongestionSeconds)) is < 0
              || Math.Max(request.RetryBusySeconds, Math.Max(request.RetryNoAnswerSeconds, request.RetryCongestionSeconds)) > 7 * 86400
                ? "retry intervals must be 0 to 604800 seconds"
            : request.RingSeconds is < 5 or > 120 ? $"ringSeconds {request.RingSeconds} must be 5 to 120"
            : request.DialString is not { Length: > 0 and <= 128 } || !request.DialString.Contains("{number}", StringComparison.Ordinal)
                ? $"dialString '{request.DialString}' must contain {{number}} (e.g. line:{{number}})"
            : null;
        if (problem is not null)
        {
            return problem;
        }

        if (ParseHours(request.Hours) is not var (from, to) || from == to)
        {
            return $"hours '{request.Hours}' must be HH:MM-HH:MM with different start and end (e.g. 09:00-18:00)";
        }

        campaign = new CampaignRecord(request.Name!, request.Queue!, request.Mode, from, to, request.MaxAttempts, request.RetryBusySeconds,
            request.RetryNoAnswerSeconds, request.RetryCongestionSeconds, request.RingSeconds, request.DialString, "draft", now);
        return null;
    }

    public static bool IsCode(string? code) => Identifier().IsMatch(code ?? string.Empty);

    private static (int From, int To)? ParseHours(string? hours)
    {
        var match = HoursPattern().Match(hours ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        int Minutes(string h, string m) => (int.Parse(h, CultureInfo.InvariantCulture) * 60) + int.Parse(m, CultureInfo.InvariantCulture);
        var (from, to) = (Minutes(match.Groups[1].Value, match.Groups[2].Value), Minutes(match.Groups[3].Value, match.Groups[4].Value));
        return from < 1440 && to <= 1440 ? (from, to) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex("^([0-2][0-9]):([0-5][0-9])-([0-2][0-9]):([0-5][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex HoursPattern();
}
