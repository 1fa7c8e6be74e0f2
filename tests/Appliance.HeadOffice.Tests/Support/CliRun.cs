using Appliance.HeadOffice.Cli;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>Runs the real <c>headoffice</c> command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? environment = null, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await HeadOfficeCli.InvokeAsync(args, output, error, environment ?? new Dictionary<string, string?>(), CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The key an enrol run printed.</summary>
    public string Key => Output.Split('\n').Single(line => line.StartsWith("key: ", StringComparison.Ordinal))["key: ".Length..].Trim();
}
