using Appliance.Core.Ivr.Internal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>Amounts composed from recorded words in English and Mandarin.</summary>
public sealed class MoneyWordsTests
{
    [Theory]
    [InlineData("en", 123_456, "CNY", "num-1 num-thousand num-2 num-hundred num-30 num-4 cur-cny num-50 num-6 cur-cny-fen")]
    [InlineData("en", 100, "USD", "num-1 cur-usd")]
    [InlineData("en", 5, "USD", "num-5 cur-usd-minor")]
    [InlineData("en", 0, "CNY", "num-0 cur-cny")]
    [InlineData("en", -2_500, "CNY", "num-minus num-20 num-5 cur-cny")]
    [InlineData("en", 1_200_000_000, "CNY", "num-12 num-million cur-cny")]
    [InlineData("en", 100_101_700, "CNY", "num-1 num-million num-1 num-thousand num-17 cur-cny")]
    [InlineData("zh", 123_456, "CNY", "num-1 num-thousand num-2 num-hundred num-3 num-10 num-4 cur-cny num-5 cur-cny-jiao num-6 cur-cny-fen")]
    [InlineData("zh", 200, "CNY", "num-liang cur-cny")]
    [InlineData("zh", 20_000, "CNY", "num-liang num-hundred cur-cny")]
    [InlineData("zh", 1_200, "CNY", "num-10 num-2 cur-cny")]
    [InlineData("zh", 105, "CNY", "num-1 cur-cny num-0 num-5 cur-cny-fen")]
    [InlineData("zh", 56, "CNY", "num-5 cur-cny-jiao num-6 cur-cny-fen")]
    [InlineData("zh", 1_001_200, "CNY", "num-1 num-wan num-0 num-1 num-10 num-2 cur-cny")]
    [InlineData("zh", 1_200_050_000, "CNY", "num-1 num-thousand num-2 num-hundred num-wan num-0 num-5 num-hundred cur-cny")]
    [InlineData("zh", 1_234, "USD", "num-10 num-2 cur-usd num-3 num-10 num-4 cur-usd-minor")]
    public void Amounts_are_said_from_number_words(string language, long minor, string currency, string expected)
    {
        var prompts = new List<string>();
        MoneyWords.Say(language, minor, currency, prompts);
        Assert.Equal(expected, string.Join(' ', prompts));
    }

    [Theory]
    [InlineData(100, "XAU")]
    [InlineData(10_000_000_000, "CNY")]
    public void Amounts_that_cannot_be_said_are_refused(long minor, string currency) =>
        Assert.False(MoneyWords.CanSay(minor, currency));
}
