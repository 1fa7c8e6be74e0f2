using System.Collections;

namespace Appliance.Host.Cli;

/// <summary>
/// The CLI's view of its process: output, error, environment. Tests pass their own writers and environment to run the
/// real entry point in-process.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        Out = output;
        Error = error;
        Environment = environment;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The real console and environment of this process.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, ReadEnvironment()) { IsSystem = true };

    /// <summary>Where the log's console sink writes: null for the real stdout, otherwise <see cref="Out"/>.</summary>
    internal TextWriter? LogWriter => IsSystem ? null : Out;

    private bool IsSystem { get; init; }

    /// <summary>Writes configuration failures, one per line, to <see cref="Error"/>.</summary>
    public async Task WriteFailuresAsync(IEnumerable<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var failure in failures)
        {
            await Error.WriteLineAsync(failure);
        }
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in global::System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
