using System.Globalization;

namespace Appliance.Core.Acd.Internal.Announcements;

/// <summary>
/// Says a number in Mandarin from recorded characters: the digits "num-0" (零) … "num-9", the units "num-10" (十),
/// "num-hundred" (百), "num-thousand" (千), and "num-liang" (两). Mandarin builds numbers from digit + unit pairs, not
/// from words for each ten as English does: 305 is 三百零五 (one 零 stands for any run of zeros inside the number,
/// none at the end), 310 is 三百一十 (the 一 before 十 is said inside a number) but 12 is 十二 (not at its start). Two
/// is 两 when counting things (两分钟, 两百, 两千) and 二 in an ordinal (第二位, 第二百) and after the start (十二, 二十二).
/// </summary>
internal static class MandarinNumbers
{
    /// <summary>The largest number said (below 万, where the grouping changes).</summary>
    public const int Max = 9_999;

    private static readonly string[] Units = ["num-thousand", "num-hundred", "num-10", ""];

    /// <param name="number">0 to <see cref="Max"/>.</param>
    /// <param name="counting">True for a count of things (minutes), false for an ordinal (the caller's place).</param>
    /// <param name="prompts">Receives the prompt names in order.</param>
    public static void Say(int number, bool counting, List<string> prompts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Max);
        if (number == 0)
        {
            prompts.Add("num-0");
            return;
        }

        Span<int> digits = [number / 1000, number / 100 % 10, number / 10 % 10, number % 10];
        var (started, zeroPending) = (false, false);
        for (var place = 0; place < digits.Length; place++)
        {
            var digit = digits[place];
            if (digit == 0)
            {
                zeroPending = started;
                continue;
            }

            if (zeroPending)
            {
                prompts.Add("num-0");
                zeroPending = false;
            }

            var tensFirst = place == 2 && !started;
            if (!(tensFirst && digit == 1))
            {
                // 两 only as the first digit, and before 十 never (二十, not 两十).
                var liang = digit == 2 && counting && !started && place != 2;
                prompts.Add(liang ? "num-liang" : "num-" + digit.ToString(CultureInfo.InvariantCulture));
            }

            if (Units[place].Length > 0)
            {
                prompts.Add(Units[place]);
            }

            started = true;
        }
    }
}
