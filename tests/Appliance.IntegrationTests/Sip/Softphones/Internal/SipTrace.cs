using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.IntegrationTests.Sip.Softphones.Internal;

/// <summary>
/// Reads the SIP messages a phone prints (baresip's -s trace, linphonec's belle-sip log): a line that says a message came
/// in, then the message itself, one header a line. Only received messages count, so the phone's own replies to the box's
/// requests are never taken for the box's answer to the phone's request.
/// </summary>
internal static partial class SipTrace
{
    /// <summary>How far after a message's start line its CSeq may be.</summary>
    private const int HeaderLines = 40;

    /// <summary>
    /// The first final response (status 200-699) to <paramref name="method"/> that the phone received in
    /// <paramref name="text"/>, as its status code and status line; null if none yet.
    /// </summary>
    public static (int Status, string StatusLine)? FindFinalResponse(string text, string method, Func<string, bool> isIncomingMarker)
    {
        var lines = text.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!isIncomingMarker(lines[i]))
            {
                continue;
            }

            var statusLine = StatusLine().Match(lines[i + 1]);
            if (!statusLine.Success)
            {
                continue;
            }

            var status = int.Parse(statusLine.Groups["status"].Value, CultureInfo.InvariantCulture);
            for (var j = i + 2; j < Math.Min(lines.Length, i + 2 + HeaderLines) && !isIncomingMarker(lines[j]); j++)
            {
                var cseq = CSeq().Match(lines[j]);
                if (cseq.Success)
                {
                    if (status >= 200 && cseq.Groups["method"].Value.Equals(method, StringComparison.OrdinalIgnoreCase))
                    {
                        return (status, lines[i + 1].Trim());
                    }

                    break;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^SIP/2\.0 (?<status>[1-6][0-9]{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^CSeq:\s*[0-9]+\s+(?<method>[A-Za-z]+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CSeq();
}
