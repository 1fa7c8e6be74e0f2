using System.Globalization;
using Appliance.Sip.Messages;
using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Sip.Internal;

/// <summary>Small builders and readers shared by the endpoint's request handlers.</summary>
internal static class SipMessages
{
    public const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, REGISTER";

    public static SipResponse Response(SipRequest request, int status, string reason, string? toTag = null, string? contact = null)
    {
        var response = SipResponse.CreateFor(request, status, reason, toTag);
        if (contact is not null)
        {
            response.Headers.Add(SipHeaderNames.Contact, contact);
        }

        return response;
    }

    public static void AttachSdp(SipMessage message, byte[] sdp)
    {
        message.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        message.Body = sdp;
    }

    public static bool HasSdp(SipMessage message) =>
        message.Body.Length > 0 && message.ContentType is { } type && type.Trim().StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase);

    /// <summary>The caller as P-Asserted-Identity (trusted only from trunks) or From tells it.</summary>
    public static CallerIdentity CallerOf(SipRequest request)
    {
        try
        {
            var asserted = request.Headers["P-Asserted-Identity"];
            var address = asserted is not null ? NameAddress.Parse(asserted, "P-Asserted-Identity") : request.From;
            var number = address.Uri.User ?? (address.Uri.Scheme == "tel" ? address.Uri.Opaque : null);
            var name = address.DisplayName?.Trim('"');
            return new CallerIdentity(string.IsNullOrEmpty(number) ? null : number, string.IsNullOrEmpty(name) ? null : name);
        }
        catch (Appliance.Sip.Parsing.SipParseException)
        {
            return CallerIdentity.Unknown;
        }
    }

    /// <summary>
    /// The number dialled: the Request-URI's user part (RFC 3261 §19.1.1), without user parameters such as
    /// ";phone-context=…" and unescaped; for a tel: URI its number. Null when there is none.
    /// </summary>
    public static string? DialledNumberOf(SipRequest request)
    {
        var uri = request.RequestUri;
        var user = uri.User ?? (uri.Scheme == "tel" ? uri.Opaque : null);
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }

        var end = user.IndexOf(';', StringComparison.Ordinal);
        var number = Uri.UnescapeDataString(end < 0 ? user : user[..end]);
        return number.Length == 0 ? null : number;
    }

    /// <summary>The digit of an INFO application/dtmf-relay body ("Signal=5"), or null.</summary>
    public static char? DtmfRelayDigit(ReadOnlySpan<byte> body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("Signal", StringComparison.OrdinalIgnoreCase) && parts[1].Length == 1
                && "0123456789*#ABCDabcd".Contains(parts[1][0], StringComparison.Ordinal))
            {
                return char.ToUpperInvariant(parts[1][0]);
            }
        }

        return null;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
