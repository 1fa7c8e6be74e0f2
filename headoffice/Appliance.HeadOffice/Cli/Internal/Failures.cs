using Appliance.HeadOffice.Branches;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary>Turns the failures a verb expects into one clear line on stderr and an exit code, never a stack trace.</summary>
internal static class Failures
{
    public static async Task<int> GuardAsync(CliContext context, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await context.Error.WriteLineAsync(failure);
            }

            return ExitCodes.BadUsage;
        }
        catch (Tickets.TicketDeskException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
        catch (BranchRegistryException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
        catch (NpgsqlException e)
        {
            await context.Error.WriteLineAsync($"Database error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (RpcException e)
        {
            await context.Error.WriteLineAsync($"The branch refused or failed the call: {e.StatusCode}: {e.Status.Detail}");
            return ExitCodes.Failed;
        }
        catch (ArgumentException e)
        {
            // A bad file or value named on the command line (e.g. --certificate that is no PEM certificate).
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadUsage;
        }
        catch (InvalidOperationException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
    }
}
