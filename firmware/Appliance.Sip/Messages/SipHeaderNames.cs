using System.Collections.Frozen;

namespace Appliance.Sip.Messages;

/// <summary>Header names, their compact forms (RFC 3261 §7.3.3, RFC 3515, RFC 3841...) and which ones hold comma-separated lists.</summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string ContentEncoding = "Content-Encoding";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Require = "Require";
    public const string ProxyRequire = "Proxy-Require";
    public const string Supported = "Supported";
    public const string Unsupported = "Unsupported";
    public const string Accept = "Accept";
    public const string Allow = "Allow";
    public const string Expires = "Expires";
    public const string Date = "Date";
    public const string Subject = "Subject";
    public const string Authorization = "Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ReferTo = "Refer-To";

    private static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    /// <summary>Headers whose value is a comma-separated list, so "Via: a, b" equals two Via lines (§7.3.1).</summary>
    private static readonly FrozenSet<string> ListHeaders = new[]
    {
        Via, Contact, Route, RecordRoute, Require, ProxyRequire, Supported, Unsupported, Accept, Allow, ContentEncoding,
        "Accept-Encoding", "Accept-Language", "Alert-Info", "Call-Info", "Error-Info", "In-Reply-To", "Warning", "Reply-To-List",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers a message may carry at most once (§20); a second copy makes the request malformed.</summary>
    private static readonly FrozenSet<string> SingleHeaders = new[]
    {
        From, To, CallId, CSeq, MaxForwards, ContentLength, ContentType, Expires, Date, "Min-Expires", "Retry-After", ReferTo,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps a header name as received (any case, compact or long) to its canonical spelling; unknown names stay as received.</summary>
    public static string Normalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>Same as <see cref="Normalize(string)"/> without allocating for known names.</summary>
    public static string Normalize(ReadOnlySpan<char> name)
    {
        var lookup = Canonical.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name, out var canonical) ? canonical : name.ToString();
    }

    public static bool IsList(string canonicalName) => ListHeaders.Contains(canonicalName);

    public static bool IsSingle(string canonicalName) => SingleHeaders.Contains(canonicalName);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var names = new[]
        {
            Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, ContentEncoding, Route, RecordRoute,
            Require, ProxyRequire, Supported, Unsupported, Accept, Allow, Expires, Date, Subject, Authorization, WwwAuthenticate,
            ProxyAuthenticate, ProxyAuthorization, ReferTo, "Min-Expires", "Retry-After", "User-Agent", "Server", "Warning",
            "Event", "Allow-Events", "Referred-By", "Accept-Encoding", "Accept-Language", "Alert-Info", "Call-Info", "Error-Info",
            "In-Reply-To", "Organization", "Priority", "Reply-To", "Timestamp", "MIME-Version", "Content-Disposition",
            "Content-Language", "Authentication-Info", "P-Asserted-Identity", "Session-Expires",
        };
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            map[name] = name;
        }

        map["v"] = Via;
        map["f"] = From;
        map["t"] = To;
        map["i"] = CallId;
        map["m"] = Contact;
        map["l"] = ContentLength;
        map["c"] = ContentType;
        map["e"] = ContentEncoding;
        map["s"] = Subject;
        map["k"] = Supported;
        map["r"] = ReferTo;
        map["o"] = "Event";
        map["u"] = "Allow-Events";
        map["b"] = "Referred-By";
        map["x"] = "Session-Expires";
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
