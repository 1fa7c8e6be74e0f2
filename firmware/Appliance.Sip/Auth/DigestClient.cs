using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Appliance.Sip.Auth.Internal;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Auth;

/// <summary>
/// The client side of digest authentication (§22.2): answers a 401/407 by adding credentials to the retried request.
/// Picks the strongest algorithm offered that it supports and counts nonce uses (nc) per nonce.
/// </summary>
public sealed class DigestClient
{
    private readonly string _username;
    private readonly string _password;
    private string? _lastNonce;
    private uint _nonceCount;

    public DigestClient(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _password = password;
    }

    /// <summary>
    /// Adds Authorization (for 401) or Proxy-Authorization (for 407) to <paramref name="retry"/>, the new request
    /// (same Call-ID, higher CSeq, new branch). Returns false when the response offers nothing usable.
    /// </summary>
    public bool TryAuthorize(SipResponse challengeResponse, SipRequest retry)
    {
        ArgumentNullException.ThrowIfNull(challengeResponse);
        ArgumentNullException.ThrowIfNull(retry);
        var proxy = challengeResponse.StatusCode == 407;
        if (!proxy && challengeResponse.StatusCode != 401)
        {
            return false;
        }

        var best = ChooseChallenge(challengeResponse.Headers.GetAll(proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate));
        if (best is not { } chosen)
        {
            return false;
        }

        var (algorithm, challenge) = chosen;
        var realm = challenge["realm"];
        var nonce = challenge["nonce"];
        _nonceCount = nonce == _lastNonce ? _nonceCount + 1 : 1;
        _lastNonce = nonce;
        var nc = _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var clientNonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var uri = retry.RequestUri.ToString();
        var response = DigestCalculator.ComputeResponse(algorithm, _username, realm, _password, retry.Method, uri, nonce, nc, clientNonce);

        var builder = new StringBuilder("Digest ");
        DigestParameters.AppendQuoted(builder, "username", _username);
        builder.Append(", ");
        DigestParameters.AppendQuoted(builder, "realm", realm);
        builder.Append(", ");
        DigestParameters.AppendQuoted(builder, "nonce", nonce);
        builder.Append(", ");
        DigestParameters.AppendQuoted(builder, "uri", uri);
        builder.Append(", ");
        DigestParameters.AppendQuoted(builder, "response", response);
        builder.Append(", algorithm=").Append(DigestHash.Name(algorithm));
        builder.Append(", ");
        DigestParameters.AppendQuoted(builder, "cnonce", clientNonce);
        builder.Append(", qop=auth, nc=").Append(nc);
        if (challenge.TryGetValue("opaque", out var opaque))
        {
            builder.Append(", ");
            DigestParameters.AppendQuoted(builder, "opaque", opaque);
        }

        var header = proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization;
        retry.Headers.Remove(header);
        retry.Headers.Add(header, builder.ToString());
        return true;
    }

    private static (DigestAlgorithm Algorithm, Dictionary<string, string> Challenge)? ChooseChallenge(IEnumerable<string> values)
    {
        (DigestAlgorithm, Dictionary<string, string>)? best = null;
        foreach (var value in values)
        {
            var challenge = DigestParameters.TryParse(value);
            if (challenge is null || !challenge.ContainsKey("realm") || !challenge.ContainsKey("nonce")
                || !challenge.TryGetValue("qop", out var qop) || !qop.Split(',').Any(q => q.Trim() == "auth"))
            {
                continue;
            }

            challenge.TryGetValue("algorithm", out var name);
            if (!DigestHash.TryParseName(name, out var algorithm))
            {
                continue;
            }

            if (best is null || (algorithm == DigestAlgorithm.Sha256 && best.Value.Item1 == DigestAlgorithm.Md5))
            {
                best = (algorithm, challenge);
            }
        }

        return best;
    }
}
