using System.Globalization;
using Appliance.Sip.Auth.Internal;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;

namespace Appliance.Sip.Registrar.Internal;

/// <summary>
/// Reads what a registrar's response means for us. Everything here comes from outside: values that do not parse are
/// reported or ignored, never thrown.
/// </summary>
internal static class RegistrarResponseReader
{
    /// <summary>
    /// The seconds the registrar granted our contact (§10.2.4): that contact's expires parameter, else the only contact's,
    /// else the Expires header, else what we asked for. <paramref name="problem"/> says what was unusable on the way.
    /// </summary>
    public static int GrantedSeconds(SipResponse ok, SipUri ourContact, int requested, out string? problem)
    {
        problem = null;
        IReadOnlyList<NameAddress> contacts;
        try
        {
            contacts = ok.Contacts;
        }
        catch (SipParseException error)
        {
            problem = "unreadable Contact (" + error.Message + ")";
            contacts = [];
        }

        var ours = contacts.FirstOrDefault(c => SameAddress(c.Uri, ourContact)) ?? (contacts.Count == 1 ? contacts[0] : null);
        if (ours?.Parameters["expires"] is { } text)
        {
            if (TryReadSeconds(text, out var seconds))
            {
                return seconds;
            }

            problem = $"unreadable Contact expires '{Shorten(text)}'";
        }

        if (ok.Headers[SipHeaderNames.Expires] is { } header)
        {
            if (TryReadSeconds(header, out var seconds))
            {
                return seconds;
            }

            problem = $"unreadable Expires '{Shorten(header)}'";
        }

        return requested;
    }

    /// <summary>The Min-Expires of a 423, or null when it is missing or not a number.</summary>
    public static long? MinExpires(SipResponse response) =>
        response.Headers["Min-Expires"] is { } text && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The delta-seconds of Retry-After (§20.33), comments and parameters ignored, or null.</summary>
    public static TimeSpan? RetryAfter(SipResponse response)
    {
        var text = response.Headers["Retry-After"]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var digits = text.AsSpan();
        var end = digits.IndexOfAnyExcept("0123456789");
        digits = end < 0 ? digits : digits[..end];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, SipRegistrationAccount.MaxExpiresSeconds))
            : null;
    }

    /// <summary>The nonces offered by a 401/407 and whether any challenge says stale=true (RFC 2617 §3.2.1).</summary>
    public static (HashSet<string> Nonces, bool Stale) ReadChallenge(SipResponse response)
    {
        var nonces = new HashSet<string>(StringComparer.Ordinal);
        var stale = false;
        var header = response.StatusCode == 407 ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
        foreach (var value in response.Headers.GetAll(header))
        {
            if (DigestParameters.TryParse(value) is not { } challenge)
            {
                continue;
            }

            if (challenge.TryGetValue("nonce", out var nonce))
            {
                nonces.Add(nonce);
            }

            stale |= challenge.TryGetValue("stale", out var flag) && flag.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        return (nonces, stale);
    }

    /// <summary>The reason phrase, cut short and stripped of control characters, fit for logs and <c>LastError</c>.</summary>
    public static string Describe(SipResponse response) =>
        response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + Shorten(response.ReasonPhrase);

    // A loose form of §19.1.4: the registrar may reorder parameters, change case or drop the default port.
    private static bool SameAddress(SipUri a, SipUri b) =>
        a.Scheme == b.Scheme
        && string.Equals(a.User, b.User, StringComparison.Ordinal)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && (a.Port ?? 5060) == (b.Port ?? 5060);

    private static bool TryReadSeconds(string text, out int seconds)
    {
        seconds = 0;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // Believe the registrar up to a day; a larger value is more likely a bug than a promise.
        seconds = (int)Math.Min(value, SipRegistrationAccount.MaxExpiresSeconds);
        return true;
    }

    private static string Shorten(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).Take(64).ToArray());
        return clean.Length < text.Length ? clean + "…" : clean;
    }
}
