using System.Globalization;
using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>The one place the simulated board's settings are checked; both validation paths use it.</summary>
internal static class SimulatedBoardOptionsRules
{
    /// <summary>Each bad setting with what is wrong with it (a phrase that follows the setting's name).</summary>
    public static IEnumerable<(string Setting, string Problem)> Check(SimulatedBoardOptions options)
    {
        if (options.LineCount is < SimulatedBoardOptions.MinimumLineCount or > SimulatedBoardOptions.MaximumLineCount)
        {
            yield return (nameof(options.LineCount),
                $"must be between {SimulatedBoardOptions.MinimumLineCount} and {SimulatedBoardOptions.MaximumLineCount}, not {options.LineCount}.");
        }

        if (!ExchangeCountry.IsSupported(options.Country))
        {
            yield return (nameof(options.Country),
                $"'{options.Country}' is not supported; use one of {string.Join(", ", ExchangeCountry.SupportedCodes)}.");
        }

        if (!Enum.IsDefined(options.CallerIdStandard))
        {
            yield return (nameof(options.CallerIdStandard),
                $"'{options.CallerIdStandard}' is not one of {string.Join(", ", Enum.GetNames<FskStandard>())}.");
        }

        if (!Enum.IsDefined(options.DisconnectSignal))
        {
            yield return (nameof(options.DisconnectSignal),
                $"'{options.DisconnectSignal}' is not one of {string.Join(", ", Enum.GetNames<DisconnectSignal>())}.");
        }

        if (!(options.CallerIdLevelDbm0 >= -40 && options.CallerIdLevelDbm0 <= 0))
        {
            yield return (nameof(options.CallerIdLevelDbm0),
                $"must be between -40 and 0 dBm0, not {options.CallerIdLevelDbm0.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.ReceivedAudioLimitSeconds is < 1 or > 3600)
        {
            yield return (nameof(options.ReceivedAudioLimitSeconds), $"must be between 1 and 3600, not {options.ReceivedAudioLimitSeconds}.");
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (options.Callees?.Count ?? 0); i++)
        {
            var setting = string.Create(CultureInfo.InvariantCulture, $"{nameof(options.Callees)}:{i}");
            var problem = CalleeProblem(options.Callees![i], numbers);

            if (problem is not null)
            {
                yield return (setting, problem);
            }
        }

        if (string.IsNullOrWhiteSpace(options.SerialNumber) || options.SerialNumber.Length > 32)
        {
            yield return (nameof(options.SerialNumber), "must be 1 to 32 characters.");
        }
    }

    private static string? CalleeProblem(SimulatedCalleeOptions? callee, HashSet<string> numbers)
    {
        if (callee is null)
        {
            return "is empty.";
        }

        try
        {
            callee.ToCallee();
        }
        catch (ArgumentException error)
        {
            // The setting's name leads the line already: drop the exception's " (Parameter 'x')" tail.
            var tail = error.ParamName is null ? string.Empty : $" (Parameter '{error.ParamName}')";
            return error.Message.EndsWith(tail, StringComparison.Ordinal) ? error.Message[..^tail.Length] : error.Message;
        }

        return numbers.Add(callee.Number) ? null : $"number {callee.Number} is declared twice.";
    }
}
