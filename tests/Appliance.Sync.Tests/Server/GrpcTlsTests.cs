using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Tests.Support;

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
        var handler = GrpcClient.CreateHandler((_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString());
        using var client = new GrpcClient(address, handler: handler);

        var response = await client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest { QueueIds = { "vip" } });

        Assert.Equal("vip", Assert.Single(response.Rows).QueueId);
    }

    [Fact]
    public async Task Untrusted_server_certificate_is_unavailable_and_nothing_is_called()
    {
        using var certificate = CreateCertificate();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        var address = new UriBuilder(server.Address) { Scheme = "https" }.Uri;
        using var client = new GrpcClient(address, handler: GrpcClient.CreateHandler((_, _, _, _) => false));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync<GetKpisRequest, GetKpisResponse>(
            ReportServiceContract.GetKpis, new GetKpisRequest()));

        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
        Assert.Equal(0, server.Reports.Calls);
    }
}
