using System.Globalization;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// Says a day of the year from recorded words. English: the month's name, then the day as an ordinal ("month-12"
/// "day-5": December fifth). Mandarin: the number words with 月 and 日 (十二 月 五 日), 二 never 两 in a date.
/// </summary>
internal static class DateWords
{
    /// <summary>Appends the prompts for <paramref name="date"/>'s month and day (the year is not said).</summary>
    public static void Say(string language, DateOnly date, List<string> prompts)
    {
        if (language == "zh")
        {
            MandarinSmall(date.Month, prompts);
            prompts.Add("date-month");
            MandarinSmall(date.Day, prompts);
            prompts.Add("date-day");
            return;
        }

        prompts.Add("month-" + date.Month.ToString(CultureInfo.InvariantCulture));
        prompts.Add("day-" + date.Day.ToString(CultureInfo.InvariantCulture));
    }

    // 1-31: 五, 十, 十二, 二十, 三十一.
    private static void MandarinSmall(int number, List<string> prompts)
    {
        var (tens, ones) = (number / 10, number % 10);
        if (tens > 1)
        {
            prompts.Add(Word(tens));
        }

        if (tens > 0)
        {
            prompts.Add("num-10");
        }

        if (ones > 0)
        {
            prompts.Add(Word(ones));
        }
    }

    private static string Word(int digit) => "num-" + digit.ToString(CultureInfo.InvariantCulture);
}
