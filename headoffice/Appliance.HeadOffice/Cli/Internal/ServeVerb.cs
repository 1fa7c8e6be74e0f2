using System.CommandLine;
using System.Net;
using Appliance.HeadOffice.Hosting;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary><c>serve --listen 127.0.0.1:PORT --db CONNSTRING</c>: runs the sync server until stopped.</summary>
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
        var serve = new Command("serve", "Run the head-office sync server.") { listen };
        serve.SetAction((parse, cancellationToken) => Failures.GuardAsync(context, async () =>
        {
            var configuration = context.Settings.Build(parse, context.Environment);
            await using var server = await HeadOfficeServer.StartAsync(configuration, parse.GetRequiredValue(listen), cancellationToken: cancellationToken);
            await context.Out.WriteLineAsync($"Listening on {server.Address}");
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
