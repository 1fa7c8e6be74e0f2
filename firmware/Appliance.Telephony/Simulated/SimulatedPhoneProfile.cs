using System.Globalization;

namespace Appliance.Telephony.Simulated;

/// <summary>
/// How a simulated agent phone behaves, parsed from a dial target such as "1001;answer=2000;tone=1400;talk=30"
/// (answer after 2 s, speak a 1400 Hz tone, hang up after 30 s of talk; talk=0 waits for the caller).
/// </summary>
public sealed record SimulatedPhoneProfile(string Extension, TimeSpan AnswerAfter, double ToneHz, TimeSpan TalkLimit)
{
    /// <summary>Parses a dial target.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown or out of range.</exception>
    public static SimulatedPhoneProfile Parse(string target)
    {
        var parts = target.Split(';', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            throw new ArgumentException("A simulated phone needs an extension.", nameof(target));
        }

        var answer = TimeSpan.FromSeconds(2);
        var tone = 1400.0;
        var talk = TimeSpan.Zero;
        foreach (var part in parts.Skip(1))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new ArgumentException($"Bad simulated phone parameter '{part}'.", nameof(target));
            }

            switch (pair[0])
            {
                case "answer": answer = TimeSpan.FromMilliseconds(value); break;
                case "tone" when value is >= 100 and <= 3900: tone = value; break;
                case "talk": talk = TimeSpan.FromSeconds(value); break;
                default: throw new ArgumentException($"Bad simulated phone parameter '{part}'.", nameof(target));
            }
        }

        return new SimulatedPhoneProfile(parts[0], answer, tone, talk);
    }
}
