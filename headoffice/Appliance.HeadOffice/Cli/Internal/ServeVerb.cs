using System.CommandLine;
using System.Net;
using Appliance.HeadOffice.Hosting;
using Appliance.Sync.Transport;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary>
/// <c>serve --listen 127.0.0.1:PORT --db CONNSTRING [--certificate CERT.pem --key KEY.pem]</c>: runs the sync server until
/// stopped; with a certificate it speaks TLS and prints the certificate's SHA-256 fingerprint for the boxes' settings.
/// </summary>
internal static class ServeVerb
{
    public static Command Create(CliContext context)
    {
        var listen = new Option<IPEndPoint>("--listen")
        {
            Description = "Address and port to listen on, e.g. 127.0.0.1:5100 or [::]:5100 (port 0 picks a free one).",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal))
                {
                    return endpoint;
                }

                result.AddError($"--listen must be IP:PORT (e.g. 127.0.0.1:5100), not '{text}'.");
                return null;
            },
        };
        var certificate = new Option<FileInfo>("--certificate")
        {
            Description = "PEM certificate for TLS (with --key); without it the server speaks cleartext HTTP/2.",
        };
        var key = new Option<FileInfo>("--key") { Description = "PEM private key of --certificate." };
        var serve = new Command("serve", "Run the head-office sync server.") { listen, certificate, key };
        serve.Validators.Add(result =>
        {
            if ((result.GetValue(certificate) is null) != (result.GetValue(key) is null))
            {
                result.AddError("--certificate and --key go together.");
            }
        });
        serve.SetAction((parse, cancellationToken) => Failures.GuardAsync(context, async () =>
        {
            var configuration = context.Settings.Build(parse, context.Environment);
            using var tls = TlsCertificate.Load(parse.GetValue(certificate), parse.GetValue(key));
            await using var server = await HeadOfficeServer.StartAsync(
                configuration, parse.GetRequiredValue(listen), cancellationToken: cancellationToken, certificate: tls);
            await context.Out.WriteLineAsync($"Listening on {server.Address}");
            if (tls is not null)
            {
                await context.Out.WriteLineAsync($"Certificate SHA-256 {CertificatePin.Fingerprint(tls)} (the boxes' Sync:Outbox:HeadOfficeCertificateSha256)");
            }

            await context.Out.FlushAsync(cancellationToken);
            try
            {
                // Runs until SIGINT/SIGTERM (or the test's token) cancels.
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Ok;
        }));
        return serve;
    }
}
