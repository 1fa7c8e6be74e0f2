using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Appliance.Sip.Auth;
using Appliance.Storage;

namespace Appliance.Host.Web.Internal;

/// <summary>
/// HTTP Digest authentication (RFC 7616, qop=auth, SHA-256 then MD5) against the hashes `appliance agent password`
/// stored for the agent's phone: H(extension:realm:password) is exactly the HA1 HTTP Digest needs, so the desktop
/// logs in with the phone's extension and password and the box still keeps no plaintext. Nonces are HMACs of their
/// issue time; each nonce's highest count is remembered while it lives, so a captured request cannot be replayed
/// (RFC 7616 §3.3). An unknown user costs the same hashing as a wrong password.
/// </summary>
internal sealed class HttpDigestAuthenticator(
    Func<string, SipCredentialRecord?> findCredentials, string realm, TimeSpan nonceLifetime, TimeProvider time)
{
    private readonly byte[] _nonceKey = RandomNumberGenerator.GetBytes(32);
    private readonly string _decoyHa1 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    private readonly NonceCounts _counts = new();

    /// <summary>The WWW-Authenticate values: SHA-256 first (clients take the first they support), then MD5.</summary>
    public string[] Challenges(bool stale)
    {
        var nonce = CreateNonce(time.GetUtcNow());
        var tail = stale ? ", stale=true" : string.Empty;
        return
        [
            $"Digest realm=\"{realm}\", qop=\"auth\", algorithm=SHA-256, nonce=\"{nonce}\"{tail}",
            $"Digest realm=\"{realm}\", qop=\"auth\", algorithm=MD5, nonce=\"{nonce}\"{tail}",
        ];
    }

    /// <summary>Checks an Authorization header for a request of <paramref name="method"/> to <paramref name="target"/> (path and query as sent).</summary>
    public DigestOutcome Verify(string? authorization, string method, string target)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return DigestOutcome.Refuse(DigestResult.Missing, "no credentials: authenticate with HTTP Digest");
        }

        if (DigestHeader.TryParse(authorization) is not { } fields)
        {
            return authorization.StartsWith("Digest", StringComparison.OrdinalIgnoreCase)
                ? DigestOutcome.Refuse(DigestResult.Malformed, "Authorization: the Digest parameters cannot be read")
                : DigestOutcome.Refuse(DigestResult.Missing, "only HTTP Digest authentication is accepted");
        }

        if (Missing(fields) is { } missing)
        {
            return DigestOutcome.Refuse(DigestResult.Malformed, $"Authorization: the '{missing}' parameter is missing");
        }

        if (fields["qop"] != "auth" || fields["nc"].Length != 8 || !uint.TryParse(fields["nc"], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
        {
            return DigestOutcome.Refuse(DigestResult.Malformed, "Authorization: qop must be auth and nc 8 hex digits");
        }

        if (fields["uri"] != target)
        {
            // The digest covers the uri: it must be this request's, or a captured answer could be replayed elsewhere.
            return DigestOutcome.Refuse(DigestResult.Malformed, "Authorization: uri does not name this request");
        }

        if (!TryAlgorithm(fields.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return DigestOutcome.Refuse(DigestResult.Malformed, "Authorization: algorithm must be SHA-256 or MD5");
        }

        if (fields["realm"] != realm)
        {
            return DigestOutcome.Refuse(DigestResult.Rejected, "the realm is not this box's");
        }

        var credentials = findCredentials(fields["username"]);
        var known = credentials is not null && credentials.Realm == realm;
        var ha1 = known ? (algorithm == DigestAlgorithm.Sha256 ? credentials!.Ha1Sha256 : credentials!.Ha1Md5) : _decoyHa1;
        var expected = DigestCalculator.ComputeResponseFromHa1(algorithm, ha1, method, fields["uri"], fields["nonce"], fields["nc"], fields["cnonce"]);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(fields["response"].ToLowerInvariant()));
        if (!known || !matches || !TryOpenNonce(fields["nonce"], out var issuedAt))
        {
            return DigestOutcome.Refuse(DigestResult.Rejected, $"wrong user name or password for '{fields["username"]}'");
        }

        var age = time.GetUtcNow() - issuedAt;
        if (age > nonceLifetime || age < TimeSpan.FromSeconds(-5))
        {
            return DigestOutcome.Refuse(DigestResult.Stale, "the nonce has expired");
        }

        return _counts.TryUse(fields["nonce"], uint.Parse(fields["nc"], NumberStyles.HexNumber, CultureInfo.InvariantCulture), issuedAt, time.GetUtcNow() - nonceLifetime)
            ? new DigestOutcome(DigestResult.Authenticated, credentials!.AgentId, string.Empty)
            : DigestOutcome.Refuse(DigestResult.Rejected, "this nonce count was used before: a replayed request");
    }

    private static string? Missing(Dictionary<string, string> fields) =>
        new[] { "username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce" }.FirstOrDefault(f => !fields.ContainsKey(f));

    private static bool TryAlgorithm(string? name, out DigestAlgorithm algorithm)
    {
        algorithm = name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase) ? DigestAlgorithm.Md5 : DigestAlgorithm.Sha256;
        return name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase) || name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase);
    }

    // issued-at.random.HMAC(issued-at.random): the random part makes every challenge's nonce its own, also two in
    // the same millisecond, so counting requests per nonce never mixes two desktops.
    private string CreateNonce(DateTimeOffset now)
    {
        var issued = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return issued + "." + Mac(issued);
    }

    private bool TryOpenNonce(string nonce, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        var mac = nonce.LastIndexOf('.');
        var dot = nonce.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || mac <= dot || !long.TryParse(nonce.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(nonce[..mac])), Encoding.ASCII.GetBytes(nonce[(mac + 1)..])))
        {
            return false;
        }

        issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return true;
    }

    private string Mac(string issued) => Convert.ToHexStringLower(HMACSHA256.HashData(_nonceKey, Encoding.ASCII.GetBytes(issued)));
}
