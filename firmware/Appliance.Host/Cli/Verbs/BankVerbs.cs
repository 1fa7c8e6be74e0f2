using System.CommandLine;
using System.Globalization;
using Appliance.Banking;
using Appliance.Host.Cli.Internal;

namespace Appliance.Host.Cli.Verbs;

/// <summary>
/// <c>appliance bank hash-pin</c> (PIN read from stdin, never argv, so it is in no shell history or process list),
/// <c>appliance bank show ACCOUNT</c> and <c>appliance bank outage on|off</c> for the simulated core bank.
/// </summary>
internal static class BankVerbs
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var bank = new Command("bank", "The simulated core bank: PIN hashes for its seed, customers, outages");
        var hash = new Command("hash-pin", "Read a PIN from stdin and print its salted PBKDF2 hash for a seed file");
        hash.SetAction((_, _) => HashPinAsync(Console.In, context.Console));
        bank.Subcommands.Add(hash);
        bank.Subcommands.Add(Show(global, context));
        bank.Subcommands.Add(Outage(global, context));
        return bank;
    }

    /// <summary>Reads one line (the PIN) and prints its hash; a PIN that is not 4-12 digits exits 2 without echoing it.</summary>
    internal static async Task<int> HashPinAsync(TextReader input, CliConsole console)
    {
        var pin = (await input.ReadLineAsync())?.Trim();
        if (PinHashing.PinProblem(pin) is { } problem)
        {
            await console.Error.WriteLineAsync($"stdin: {problem}; nothing hashed");
            return ExitCodes.InvalidConfiguration;
        }

        await console.Out.WriteLineAsync(PinHashing.Hash(pin!));
        return ExitCodes.Ok;
    }

    private static Command Show(GlobalOptions global, CliContext context)
    {
        var key = new Argument<string>("account") { Description = "Account number, card number or customer id" };
        var command = new Command("show", "Show a simulated customer: masked account, balance, card state") { key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            return launch is null ? exitCode : await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var c = await client.ShowBankCustomerAsync(parse.GetValue(key)!, cancellationToken);
                await context.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.CustomerId} {c.Name}: account {c.MaskedAccount}, card {c.MaskedCard} {c.CardState}{(c.BlockReference is null ? "" : " ref " + c.BlockReference)}, available {Amount(c.AvailableMinor)} {c.Currency}, ledger {Amount(c.LedgerMinor)} {c.Currency}"));
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Outage(GlobalOptions global, CliContext context)
    {
        var state = new Argument<string>("state") { Description = "on or off" };
        state.AcceptOnlyFromAmong("on", "off");
        var command = new Command("outage", "Start or end an injected outage of the simulated core bank") { state };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (launch, exitCode) = await global.TryCreateLaunchAsync(parse, context);
            return launch is null ? exitCode : await ControlVerbSupport.WithClientAsync(launch, async client =>
            {
                var result = await client.SetBankOutageAsync(parse.GetValue(state) == "on", cancellationToken);
                await context.Console.Out.WriteLineAsync($"simulated core bank outage {(result.Active ? "on" : "off")}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    // Minor units shown with two decimals: the currencies the box serves (CNY, USD, HKD) all have two.
    private static string Amount(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
