using System.Net;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;
using Appliance.Host.Hosting;

namespace Appliance.Host.Cli.Internal;

/// <summary>
/// What the verbs that talk to a running appliance share: finding its control socket from the same configuration
/// <c>run</c> uses, and turning "nobody there", refusals and timeouts into a clear line and an exit code.
/// </summary>
internal static class ControlVerbSupport
{
    public static async Task<int> WithClientAsync(ApplianceLaunch launch, Func<ControlClient, Task<int>> action)
    {
        var console = launch.Console;
        if (await StandaloneOptions.LoadAsync(launch) is not { } configuration)
        {
            return ExitCodes.InvalidConfiguration;
        }

        var control = StandaloneOptions.Read(
            configuration, ControlOptions.SectionName, out var failures, new ControlOptionsValidator(launch.DataDirectory));
        if (!await StandaloneOptions.AcceptAsync(launch, failures))
        {
            return ExitCodes.InvalidConfiguration;
        }

        using var client = new ControlClient(ControlSocketSetup.SocketPath(control, launch.DataDirectory));
        try
        {
            return await action(client);
        }
        catch (ApplianceNotRunningException ex)
        {
            await console.Error.WriteLineAsync($"no appliance is running on {launch.DataDirectory.Path}: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (ControlRequestException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ex.StatusCode == HttpStatusCode.BadRequest ? ExitCodes.RequestRefused : ExitCodes.Failure;
        }
        catch (TimeoutException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.TimedOut;
        }
    }
}
