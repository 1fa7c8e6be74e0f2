using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Sync.Transport;

/// <summary>
/// Trust in one certificate by its SHA-256 fingerprint: how a box trusts a head office whose certificate no public CA
/// signed (a bank's own server), and how a technician checks the fingerprint <c>headoffice serve</c> prints.
/// </summary>
public static class CertificatePin
{
    /// <summary>The certificate's SHA-256 fingerprint as 64 lowercase hex digits.</summary>
    public static string Fingerprint(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData()));
    }

    /// <summary>Whether <paramref name="text"/> is a SHA-256 fingerprint (64 hex digits, colons allowed between pairs).</summary>
    public static bool IsFingerprint(string text) => Normalize(text) is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit);

    /// <summary>A TLS callback accepting exactly the certificate with <paramref name="fingerprint"/>, whatever signed it.</summary>
    /// <exception cref="ArgumentException">The fingerprint is malformed.</exception>
    public static RemoteCertificateValidationCallback Validator(string fingerprint)
    {
        if (!IsFingerprint(fingerprint))
        {
            throw new ArgumentException("A SHA-256 certificate fingerprint is 64 hex digits.", nameof(fingerprint));
        }

        var expected = Convert.FromHexString(Normalize(fingerprint));
        return (_, certificate, _, _) => certificate is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), expected);
    }

    private static string Normalize(string text) => text.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();
}
