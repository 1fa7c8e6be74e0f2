using Appliance.Sip.Auth.Internal;

namespace Appliance.Sip.Auth;

/// <summary>The request-digest of RFC 2617 §3.2.2 with qop=auth, for MD5 and SHA-256.</summary>
public static class DigestCalculator
{
    /// <summary>H(H(user:realm:password):nonce:nc:cnonce:qop:H(method:uri)), lowercase hex.</summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string username, string realm, string password, string method, string digestUri, string nonce, string nonceCount, string clientNonce)
    {
        var ha1 = ComputeHa1(algorithm, username, realm, password);
        return ComputeResponseFromHa1(algorithm, ha1, method, digestUri, nonce, nonceCount, clientNonce);
    }

    /// <summary>H(user:realm:password): what a server stores instead of the password (RFC 2617 §3.2.2.2).</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        DigestHash.Hex(algorithm, $"{username}:{realm}:{password}");

    /// <summary>The request-digest from a stored HA1, so the server never needs the password itself.</summary>
    public static string ComputeResponseFromHa1(
        DigestAlgorithm algorithm, string ha1, string method, string digestUri, string nonce, string nonceCount, string clientNonce)
    {
        var ha2 = DigestHash.Hex(algorithm, $"{method}:{digestUri}");
        return DigestHash.Hex(algorithm, $"{ha1}:{nonce}:{nonceCount}:{clientNonce}:auth:{ha2}");
    }
}
