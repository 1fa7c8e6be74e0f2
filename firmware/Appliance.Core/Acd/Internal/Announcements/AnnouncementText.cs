using System.Globalization;

namespace Appliance.Core.Acd.Internal.Announcements;

/// <summary>
/// Composes what a waiting caller hears from recorded phrases and number words, per language: English puts the
/// number after the phrase ("you are caller number" 3), Mandarin around it (您是第 三 位) and counts minutes with 两.
/// Languages other than Mandarin use the English word order with their own recordings.
/// </summary>
internal static class AnnouncementText
{
    public const string Mandarin = "zh";

    /// <summary>"You are caller number N" / 您是第N位; <paramref name="position"/> is at least 1.</summary>
    public static void Position(string language, int position, List<string> prompts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        prompts.Add("queue-position");
        Number(language, Math.Min(position, EnglishNumbers.Max), counting: false, prompts);
        if (language == Mandarin)
        {
            prompts.Add("queue-position-end");
        }
    }

    /// <summary>"Your expected wait is about N minutes" / 预计等待约N分钟; <paramref name="minutes"/> is at least 1.</summary>
    public static void Wait(string language, int minutes, List<string> prompts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        prompts.Add("queue-wait");
        Number(language, Math.Min(minutes, EnglishNumbers.Max), counting: true, prompts);
        prompts.Add(minutes == 1 && language != Mandarin ? "queue-minute" : "queue-minutes");
    }

    /// <summary>"To be called back without losing your place, press" KEY.</summary>
    public static void CallbackOffer(string language, char key, List<string> prompts)
    {
        prompts.Add("callback-offer");
        prompts.Add(Key(key));
    }

    /// <summary>"We will call you back at" the digits, then "press 1 to confirm, or 2 to enter another number".</summary>
    public static void ReadBack(string number, List<string> prompts)
    {
        prompts.Add("callback-number-is");
        foreach (var digit in number)
        {
            prompts.Add(Key(digit));
        }

        prompts.Add("callback-confirm");
    }

    private static string Key(char key) => key switch
    {
        '*' => "key-star",
        '#' => "key-hash",
        _ => "num-" + key.ToString(CultureInfo.InvariantCulture),
    };

    private static void Number(string language, int number, bool counting, List<string> prompts)
    {
        if (language == Mandarin)
        {
            MandarinNumbers.Say(number, counting, prompts);
        }
        else
        {
            EnglishNumbers.Say(number, prompts);
        }
    }
}
