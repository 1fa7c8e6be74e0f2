using System.Globalization;
using Appliance.Core.Acd.Internal.Announcements;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// Says an amount of money from recorded words, in the caller's language. English: "one thousand two hundred thirty
/// four" "yuan" "fifty six" "fen". Mandarin: 一千二百三十四 元 五 角 六 分, with 万 grouping above 9,999 and 两 for a
/// leading two (两百元). Currencies with words recorded: CNY and USD; any other is an answer the box cannot say.
/// </summary>
internal static class MoneyWords
{
    /// <summary>The largest amount said, in major units (just under a hundred million).</summary>
    public const long MaxMajor = 99_999_999;

    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal) { "CNY", "USD" };

    /// <summary>Whether the amount can be said: a known currency and not beyond <see cref="MaxMajor"/>.</summary>
    public static bool CanSay(long minorUnits, string? currency) =>
        currency is not null && Currencies.Contains(currency) && Math.Abs(minorUnits) / 100 <= MaxMajor && minorUnits != long.MinValue;

    /// <summary>Appends the prompts for <paramref name="minorUnits"/> of <paramref name="currency"/> (2 decimals).</summary>
    public static void Say(string language, long minorUnits, string currency, List<string> prompts)
    {
        if (!CanSay(minorUnits, currency))
        {
            throw new ArgumentOutOfRangeException(nameof(minorUnits), "The amount cannot be said.");
        }

        if (minorUnits < 0)
        {
            prompts.Add("num-minus");
            minorUnits = -minorUnits;
        }

        var major = minorUnits / 100;
        var minor = (int)(minorUnits % 100);
        var unit = "cur-" + currency.ToLowerInvariant();
        if (language == "zh")
        {
            Mandarin(major, minor, unit, currency, prompts);
        }
        else
        {
            English(major, minor, unit, prompts);
        }
    }

    private static void English(long major, int minor, string unit, List<string> prompts)
    {
        if (major > 0 || minor == 0)
        {
            EnglishWhole(major, prompts);
            prompts.Add(unit);
        }

        if (minor > 0)
        {
            EnglishWhole(minor, prompts);
            prompts.Add(unit == "cur-cny" ? "cur-cny-fen" : unit + "-minor");
        }
    }

    private static void EnglishWhole(long number, List<string> prompts)
    {
        if (number >= 1_000_000)
        {
            EnglishBelowThousand((int)(number / 1_000_000), prompts);
            prompts.Add("num-million");
            number %= 1_000_000;
            if (number == 0)
            {
                return;
            }
        }

        if (number >= 1000)
        {
            EnglishBelowThousand((int)(number / 1000), prompts);
            prompts.Add("num-thousand");
            number %= 1000;
            if (number == 0)
            {
                return;
            }
        }

        EnglishBelowThousand((int)number, prompts);
    }

    // Below a thousand the words are the announcements' own (num-3 num-hundred num-5).
    private static void EnglishBelowThousand(int number, List<string> prompts) => EnglishNumbers.Say(number, prompts);

    private static void Mandarin(long major, int minor, string unit, string currency, List<string> prompts)
    {
        if (major > 0 || minor == 0)
        {
            MandarinWhole(major, prompts);
            prompts.Add(unit);
        }

        if (minor == 0)
        {
            return;
        }

        if (currency != "CNY")
        {
            MandarinWhole(minor, prompts); // 美分 counts cents as a whole number
            prompts.Add(unit + "-minor");
            return;
        }

        var (jiao, fen) = (minor / 10, minor % 10);
        if (jiao > 0)
        {
            prompts.Add(Digit(jiao, leading: true));
            prompts.Add("cur-cny-jiao");
        }
        else if (major > 0)
        {
            prompts.Add("num-0"); // 一元零五分
        }

        if (fen > 0)
        {
            prompts.Add(Digit(fen, leading: jiao == 0));
            prompts.Add("cur-cny-fen");
        }
    }

    // Four-digit groups, 万 after the upper one; one 零 stands for a run of zeros inside the number, none at its end.
    private static void MandarinWhole(long number, List<string> prompts)
    {
        if (number == 0)
        {
            prompts.Add("num-0");
            return;
        }

        var started = false;
        var zeroPending = false;
        string[] units = ["num-thousand", "num-hundred", "num-10", ""];
        foreach (var (group, groupUnit) in new[] { ((int)(number / 10_000), "num-wan"), ((int)(number % 10_000), "") })
        {
            int[] digits = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10];
            for (var place = 0; place < 4; place++)
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

                // 十二 at the start of a number, 一十二 inside it (一万零一十二).
                if (!(place == 2 && digit == 1 && !started))
                {
                    prompts.Add(Digit(digit, leading: !started && place != 2));
                }

                if (units[place].Length > 0)
                {
                    prompts.Add(units[place]);
                }

                started = true;
            }

            if (groupUnit.Length > 0 && group > 0)
            {
                prompts.Add(groupUnit);
                zeroPending = number % 10_000 is > 0 and < 1000;
            }
        }
    }

    // 两 for a leading two when counting money (两百元, 两元, 两角), 二 elsewhere (十二, 二十).
    private static string Digit(int digit, bool leading) => digit == 2 && leading ? "num-liang" : Word(digit);

    private static string Word(int value) => "num-" + value.ToString(CultureInfo.InvariantCulture);
}
