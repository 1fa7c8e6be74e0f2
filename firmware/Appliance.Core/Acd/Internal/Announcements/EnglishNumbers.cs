using System.Globalization;

namespace Appliance.Core.Acd.Internal.Announcements;

/// <summary>
/// Says a number in English from recorded words: "num-0" … "num-19", the tens "num-20" … "num-90", "num-hundred" and
/// "num-thousand" ("three hundred five" is num-3 num-hundred num-5; the "and" of British usage is left out).
/// </summary>
internal static class EnglishNumbers
{
    /// <summary>The largest number said; positions and minutes never come near it.</summary>
    public const int Max = 9_999;

    public static void Say(int number, List<string> prompts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Max);
        if (number == 0)
        {
            prompts.Add("num-0");
            return;
        }

        if (number >= 1000)
        {
            prompts.Add(Word(number / 1000));
            prompts.Add("num-thousand");
            number %= 1000;
        }

        if (number >= 100)
        {
            prompts.Add(Word(number / 100));
            prompts.Add("num-hundred");
            number %= 100;
        }

        if (number >= 20)
        {
            prompts.Add(Word(number / 10 * 10));
            number %= 10;
        }

        if (number > 0)
        {
            prompts.Add(Word(number));
        }
    }

    private static string Word(int value) => "num-" + value.ToString(CultureInfo.InvariantCulture);
}
