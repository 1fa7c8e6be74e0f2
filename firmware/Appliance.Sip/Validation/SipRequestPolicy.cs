using Appliance.Sip.Messages;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Validation;

/// <summary>
/// The UAS checks of RFC 3261 §8.2.2 and §8.2.3 applied to a parsed request: URI scheme (416), required
/// extensions (420), body type (415) and acceptable response bodies (406).
/// </summary>
public sealed class SipRequestPolicy
{
    private readonly SipRequestPolicyOptions _options;

    public SipRequestPolicy(IOptions<SipRequestPolicyOptions> options)
    {
        _options = options.Value;
    }

    public SipRequestPolicy()
        : this(Options.Create(new SipRequestPolicyOptions()))
    {
    }

    public SipPolicyVerdict Check(SipRequest request)
    {
        if (request.RequestUri.Scheme is not ("sip" or "sips" or "tel"))
        {
            return new SipPolicyVerdict(416, "Unsupported URI Scheme", []);
        }

        // ACK and CANCEL are never refused for extensions (§8.2.2.3).
        if (request.Method is not (SipMethods.Ack or SipMethods.Cancel))
        {
            var unsupported = request.Headers.GetAll(SipHeaderNames.Require)
                .Where(tag => !_options.SupportedExtensions.Contains(tag, StringComparer.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (unsupported.Count > 0)
            {
                return new SipPolicyVerdict(420, "Bad Extension", [new(SipHeaderNames.Unsupported, string.Join(", ", unsupported))]);
            }
        }

        var contentType = MediaType(request.ContentType);
        if (request.Body.Length > 0 && (contentType is null || !_options.AcceptedContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase)))
        {
            return new SipPolicyVerdict(415, "Unsupported Media Type", [new(SipHeaderNames.Accept, string.Join(", ", _options.AcceptedContentTypes))]);
        }

        if (request.Method == SipMethods.Invite && request.Headers.Contains(SipHeaderNames.Accept))
        {
            var accepted = request.Headers.GetAll(SipHeaderNames.Accept).Select(MediaType).ToList();
            if (!accepted.Any(t => t is "application/sdp" or "application/*" or "*/*"))
            {
                return new SipPolicyVerdict(406, "Not Acceptable", [new(SipHeaderNames.Accept, "application/sdp")]);
            }
        }

        return SipPolicyVerdict.Accept;
    }

    private static string? MediaType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var type = semicolon >= 0 ? value[..semicolon] : value;
        return string.Concat(type.Where(c => c is not ' ' and not '\t')).ToLowerInvariant();
    }
}
