using Appliance.Host.Hosting;

namespace Appliance.Host.Cli.Internal;

/// <summary>What every verb gets besides its parse result.</summary>
/// <param name="StartTimestamp">Stopwatch timestamp taken at the CLI's entry.</param>
/// <param name="CustomizeLaunch">Test hook applied to the launch before a verb uses it; null in production.</param>
internal sealed record CliContext(CliConsole Console, long StartTimestamp, Func<ApplianceLaunch, ApplianceLaunch>? CustomizeLaunch);
