using Appliance.Sip.Auth.Internal;

namespace Appliance.Sip.Auth;

/// <summary>The request-digest of RFC 2617 §3.2.2 with qop=auth, for MD5 and SHA-256.</summary>
public static class DigestCalculator
{
    /// <summary>H(H(user:realm:password):nonce:nc:cnonce:qop:H(method:uri)), lowercase hex.</summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string username, string realm, string password, string method, string digestUri, string nonce, string nonceCount, string clientNonce)
    {
        var ha1 = DigestHash.Hex(algorithm, $"{username}:{realm}:{password}");
        var ha2 = DigestHash.Hex(algorithm, $"{method}:{digestUri}");
        return DigestHash.Hex(algorithm, $"{ha1}:{nonce}:{nonceCount}:{clientNonce}:auth:{ha2}");
    }
}
