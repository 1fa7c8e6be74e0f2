using Appliance.Core.Ivr.Internal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>Days said from recorded words: English month name and ordinal, Mandarin numbers with 月 and 日.</summary>
public sealed class DateWordsTests
{
    [Theory]
    [InlineData("en", 2026, 12, 2, "month-12 day-2")]
    [InlineData("en", 2028, 2, 29, "month-2 day-29")]
    [InlineData("zh", 2026, 12, 2, "num-10 num-2 date-month num-2 date-day")]
    [InlineData("zh", 2026, 1, 10, "num-1 date-month num-10 date-day")]
    [InlineData("zh", 2026, 2, 20, "num-2 date-month num-2 num-10 date-day")]
    [InlineData("zh", 2026, 10, 31, "num-10 date-month num-3 num-10 num-1 date-day")]
    [InlineData("zh", 2026, 11, 15, "num-10 num-1 date-month num-10 num-5 date-day")]
    public void Days_are_said_from_words(string language, int year, int month, int day, string expected)
    {
        var prompts = new List<string>();
        DateWords.Say(language, new DateOnly(year, month, day), prompts);
        Assert.Equal(expected, string.Join(' ', prompts));
    }
}
