namespace Appliance.HeadOffice.Cli.Internal;

/// <summary>The process as the verbs see it; tests pass their own writers and environment.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment, CliSettings Settings);
