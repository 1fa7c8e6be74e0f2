using System.Globalization;

namespace Appliance.Telephony.Simulated;

/// <summary>
/// How a simulated agent phone behaves, parsed from a dial target such as "1001;answer=2000;tone=1400;talk=30"
/// (answer after 2 s, speak a 1400 Hz tone, hang up after 30 s of talk; talk=0 waits for the caller). Testers can also
/// script the agent's keys: "hold=5;holdfor=3" holds 5 s into the call for 3 s, "transfer=1002;transferat=8" asks for a
/// blind transfer to 1002 8 s into the call.
/// </summary>
public sealed record SimulatedPhoneProfile(string Extension, TimeSpan AnswerAfter, double ToneHz, TimeSpan TalkLimit)
{
    /// <summary>When, counted from the answer, the phone puts the call on hold; null never.</summary>
    public TimeSpan? HoldAt { get; init; }

    /// <summary>How long the hold lasts.</summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The extension or queue the phone asks to transfer the caller to; null never.</summary>
    public string? TransferTo { get; init; }

    /// <summary>When, counted from the answer, the phone asks for the transfer.</summary>
    public TimeSpan TransferAt { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses a dial target.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static SimulatedPhoneProfile Parse(string target)
    {
        var parts = target.Split(';', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            throw new ArgumentException("A simulated phone needs an extension.", nameof(target));
        }

        var profile = new SimulatedPhoneProfile(parts[0], TimeSpan.FromSeconds(2), 1400.0, TimeSpan.Zero);
        foreach (var part in parts.Skip(1))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == "transfer" && IsExtension(pair[1]))
            {
                profile = profile with { TransferTo = pair[1] };
                continue;
            }

            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 86_400_000)
            {
                throw new ArgumentException($"Bad simulated phone parameter '{part}'.", nameof(target));
            }

            profile = pair[0] switch
            {
                "answer" => profile with { AnswerAfter = TimeSpan.FromMilliseconds(value) },
                "tone" when value is >= 100 and <= 3900 => profile with { ToneHz = value },
                "talk" => profile with { TalkLimit = TimeSpan.FromSeconds(value) },
                "hold" => profile with { HoldAt = TimeSpan.FromSeconds(value) },
                "holdfor" => profile with { HoldFor = TimeSpan.FromSeconds(value) },
                "transferat" => profile with { TransferAt = TimeSpan.FromSeconds(value) },
                _ => throw new ArgumentException($"Bad simulated phone parameter '{part}'.", nameof(target)),
            };
        }

        return profile;
    }

    private static bool IsExtension(string value) =>
        value.Length is > 0 and <= 32 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
