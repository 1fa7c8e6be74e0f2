using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary>Loads the server's TLS certificate and key from PEM files, with errors that name the file.</summary>
internal static class TlsCertificate
{
    /// <summary>The certificate with its private key, or null when no certificate was given.</summary>
    /// <exception cref="ArgumentException">A file is missing or is not a PEM certificate / key pair.</exception>
    public static X509Certificate2? Load(FileInfo? certificate, FileInfo? key)
    {
        if (certificate is null || key is null)
        {
            return null;
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificate.FullName, key.FullName);
            // Kestrel on Linux wants the key in a form it can hand to OpenSSL: export and re-import as PKCS#12.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--certificate {certificate.FullName} / --key {key.FullName}: {error.Message}", nameof(certificate), error);
        }
    }
}
