using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Tests.Support;
using Appliance.Sync.Transport;
using Grpc.Core;

namespace Appliance.Sync.Tests.Server;

/// <summary>gRPC over TLS (ALPN h2) with a pinned self-signed server certificate.</summary>
public sealed class GrpcTlsTests
{
    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form the platform's TLS can use: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task Unary_call_over_tls_succeeds_with_the_pinned_certificate()
    {
        using var certificate = CreateCertificate();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        var address = new UriBuilder(server.Address) { Scheme = "https" }.Uri;
        using var channel = GrpcChannelFactory.Create(address, validateServerCertificate: CertificatePin.Validator(CertificatePin.Fingerprint(certificate)));

        var response = await new ReportService.ReportServiceClient(channel).GetKpisAsync(new GetKpisRequest { QueueIds = { "vip" } });

        Assert.Equal("vip", Assert.Single(response.Rows).QueueId);
    }

    [Fact]
    public async Task Untrusted_server_certificate_fails_the_call_and_nothing_is_called()
    {
        using var certificate = CreateCertificate();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        var address = new UriBuilder(server.Address) { Scheme = "https" }.Uri;
        using var channel = GrpcChannelFactory.Create(address, validateServerCertificate: CertificatePin.Validator(new string('0', 64)));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ReportService.ReportServiceClient(channel).GetKpisAsync(new GetKpisRequest()));

        // Grpc.Net.Client reports a failed TLS handshake as INTERNAL (our own client said UNAVAILABLE).
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("SSL connection could not be established", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, server.Reports.Calls);
    }
}
