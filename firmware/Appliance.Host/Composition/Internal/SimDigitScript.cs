namespace Appliance.Host.Composition.Internal;

/// <summary>
/// Splits the keys of `appliance sim call --digits` into runs of keys and pauses: a comma waits one second, as on a
/// phone's dial string, so a scripted caller can press a key in the menu, wait in the queue, then answer a later prompt
/// ("1,,,,1,,1": menu key 1, four seconds, the callback key, two seconds, confirm).
/// </summary>
internal static class SimDigitScript
{
    /// <summary>What one comma waits.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <summary>The keys and pauses of <paramref name="digits"/> in order: each item is either keys or a pause, never both.</summary>
    public static IReadOnlyList<(string? Keys, TimeSpan Pause)> Split(string digits)
    {
        var steps = new List<(string? Keys, TimeSpan Pause)>();
        var start = 0;
        while (start < digits.Length)
        {
            var end = start;
            var pausing = digits[start] == ',';
            while (end < digits.Length && (digits[end] == ',') == pausing)
            {
                end++;
            }

            steps.Add(pausing ? (null, Pause * (end - start)) : (digits[start..end], TimeSpan.Zero));
            start = end;
        }

        return steps;
    }
}
