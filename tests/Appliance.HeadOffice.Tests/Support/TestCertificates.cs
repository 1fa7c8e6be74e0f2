using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>Self-signed certificates for 127.0.0.1, as a bank's own head-office server would have (no public CA).</summary>
public static class TestCertificates
{
    /// <summary>A certificate with its private key, loadable by Kestrel on Linux (round-tripped through PKCS#12).</summary>
    public static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(2048);
        using var created = Request(rsa).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>Writes a new certificate and its key as PEM files in <paramref name="folder"/>.</summary>
    public static (string Certificate, string Key) WritePem(string folder)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = Request(rsa).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static CertificateRequest Request(RSA rsa)
    {
        var request = new CertificateRequest("CN=head office", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request;
    }
}
