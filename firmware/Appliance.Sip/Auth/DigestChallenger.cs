using System.Security.Cryptography;
using System.Text;
using Appliance.Sip.Auth.Internal;
using Appliance.Sip.Messages;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Auth;

/// <summary>
/// The server side of SIP digest authentication (RFC 3261 §22, RFC 2617 qop=auth, RFC 8760 SHA-256). Challenges never
/// depend on who is asking, and an unknown user costs the same work and gets the same verdict as a wrong password, so a
/// scanner learns nothing about which extensions exist.
/// </summary>
public sealed class DigestChallenger
{
    private readonly DigestChallengerOptions _options;
    private readonly TimeProvider _time;
    private readonly NonceCodec _nonces;

    // Compared against when the user is unknown so that path hashes exactly as much as a real check.
    private readonly string _decoyPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public DigestChallenger(IOptions<DigestChallengerOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _nonces = new NonceCodec(RandomNumberGenerator.GetBytes(32));
    }

    public string Realm => _options.Realm;

    /// <summary>One header value per offered algorithm, strongest first; each with a fresh nonce.</summary>
    public IReadOnlyList<string> CreateChallenges(bool stale)
    {
        var nonce = _nonces.Create(_time.GetUtcNow());
        var challenges = new List<string>(_options.Algorithms.Count);
        foreach (var algorithm in _options.Algorithms)
        {
            var builder = new StringBuilder("Digest ");
            DigestParameters.AppendQuoted(builder, "realm", _options.Realm);
            builder.Append(", ");
            DigestParameters.AppendQuoted(builder, "nonce", nonce);
            builder.Append(", algorithm=").Append(DigestHash.Name(algorithm)).Append(", qop=\"auth\"");
            if (stale)
            {
                builder.Append(", stale=true");
            }

            challenges.Add(builder.ToString());
        }

        return challenges;
    }

    /// <summary>A 401 (or 407 for a proxy challenge) carrying the challenges (§22.1, §22.3).</summary>
    public SipResponse CreateChallengeResponse(SipRequest request, bool stale, string toTag, bool proxy = false)
    {
        var response = proxy
            ? SipResponse.CreateFor(request, 407, "Proxy Authentication Required", toTag)
            : SipResponse.CreateFor(request, 401, "Unauthorized", toTag);
        foreach (var challenge in CreateChallenges(stale))
        {
            response.Headers.Add(proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate, challenge);
        }

        return response;
    }

    /// <summary>
    /// Checks the request's credentials for our realm. <paramref name="findPassword"/> returns the user's password, or null
    /// when there is no such user. Never throws for anything the request contains.
    /// </summary>
    public DigestVerification Verify(SipRequest request, Func<string, string?> findPassword, bool proxy = false)
    {
        ArgumentNullException.ThrowIfNull(findPassword);
        return VerifyHashed(
            request,
            (username, algorithm) => findPassword(username) is { } password ? DigestCalculator.ComputeHa1(algorithm, username, _options.Realm, password) : null,
            proxy);
    }

    /// <summary>
    /// Like <see cref="Verify"/>, for a server that stores H(user:realm:password) rather than passwords:
    /// <paramref name="findHa1"/> returns the user's HA1 for the algorithm, or null when there is no such user.
    /// </summary>
    public DigestVerification VerifyHashed(SipRequest request, Func<string, DigestAlgorithm, string?> findHa1, bool proxy = false)
    {
        ArgumentNullException.ThrowIfNull(findHa1);
        var header = proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization;
        Dictionary<string, string>? credentials = null;
        foreach (var value in request.Headers.GetAll(header))
        {
            var parsed = DigestParameters.TryParse(value);
            if (parsed is not null && parsed.TryGetValue("realm", out var realm) && realm == _options.Realm)
            {
                credentials = parsed;
                break;
            }
        }

        if (credentials is null)
        {
            return new DigestVerification(request.Headers.Contains(header) ? DigestVerdict.Rejected : DigestVerdict.Missing, null);
        }

        credentials.TryGetValue("username", out var username);
        if (!TryReadCredentials(credentials, request, out var algorithm, out var fields) || username is null)
        {
            return new DigestVerification(DigestVerdict.Rejected, username);
        }

        // The decoy is hashed for every request, known user or not, so the two paths cost the same.
        var decoy = DigestCalculator.ComputeHa1(algorithm, username, _options.Realm, _decoyPassword);
        var known = findHa1(username, algorithm);
        var ha1 = known ?? decoy;
        var expected = DigestCalculator.ComputeResponseFromHa1(
            algorithm, ha1, request.Method, fields.Uri, fields.Nonce, fields.NonceCount, fields.ClientNonce);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(fields.Response.ToLowerInvariant()));
        if (known is null || !matches || !_nonces.TryOpen(fields.Nonce, out var issuedAt))
        {
            return new DigestVerification(DigestVerdict.Rejected, username);
        }

        var age = _time.GetUtcNow() - issuedAt;
        var verdict = age < TimeSpan.FromSeconds(-5) ? DigestVerdict.Rejected
            : age > _options.NonceLifetime ? DigestVerdict.Stale
            : DigestVerdict.Authenticated;
        return new DigestVerification(verdict, username);
    }

    private bool TryReadCredentials(Dictionary<string, string> credentials, SipRequest request, out DigestAlgorithm algorithm, out CredentialFields fields)
    {
        fields = default;
        credentials.TryGetValue("algorithm", out var algorithmName);
        if (!DigestHash.TryParseName(algorithmName, out algorithm) || !_options.Algorithms.Contains(algorithm))
        {
            return false;
        }

        if (!credentials.TryGetValue("nonce", out var nonce) || !credentials.TryGetValue("uri", out var uri)
            || !credentials.TryGetValue("response", out var response) || !credentials.TryGetValue("cnonce", out var clientNonce)
            || !credentials.TryGetValue("nc", out var nonceCount) || !credentials.TryGetValue("qop", out var qop))
        {
            return false;
        }

        // We always offer qop=auth, so anything else (including RFC 2069 style without qop) is refused.
        if (qop != "auth" || nonceCount.Length != 8 || !uint.TryParse(nonceCount, System.Globalization.NumberStyles.HexNumber, null, out _)
            || response.Length != (algorithm == DigestAlgorithm.Sha256 ? 64 : 32) || clientNonce.Length is 0 or > 256)
        {
            return false;
        }

        // The digest covers the uri parameter; it must name this request, or a captured answer could be replayed elsewhere (§22.4).
        if (!SipUri.TryParse(uri, out var digestUri) || digestUri is null || digestUri.ToString() != request.RequestUri.ToString())
        {
            return false;
        }

        fields = new CredentialFields(nonce, uri, response, clientNonce, nonceCount);
        return true;
    }

    private readonly record struct CredentialFields(string Nonce, string Uri, string Response, string ClientNonce, string NonceCount);
}
