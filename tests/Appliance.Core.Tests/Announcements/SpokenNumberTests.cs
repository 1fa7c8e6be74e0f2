using Appliance.Core.Acd.Internal.Announcements;

namespace Appliance.Core.Tests.Announcements;

/// <summary>Numbers said from recorded words: English by word per ten, Mandarin by digit and unit.</summary>
public sealed class SpokenNumberTests
{
    [Theory]
    [InlineData(0, "num-0")]
    [InlineData(7, "num-7")]
    [InlineData(13, "num-13")]
    [InlineData(20, "num-20")]
    [InlineData(42, "num-40 num-2")]
    [InlineData(100, "num-1 num-hundred")]
    [InlineData(305, "num-3 num-hundred num-5")]
    [InlineData(999, "num-9 num-hundred num-90 num-9")]
    [InlineData(1000, "num-1 num-thousand")]
    [InlineData(2019, "num-2 num-thousand num-19")]
    public void English(int number, string expected)
    {
        var prompts = new List<string>();
        EnglishNumbers.Say(number, prompts);
        Assert.Equal(expected, string.Join(' ', prompts));
    }

    [Theory]
    [InlineData(0, false, "num-0")]                                       // 零
    [InlineData(2, false, "num-2")]                                       // 第二位
    [InlineData(2, true, "num-liang")]                                    // 两分钟
    [InlineData(10, false, "num-10")]                                     // 十, not 一十
    [InlineData(12, true, "num-10 num-2")]                                // 十二, not 十两
    [InlineData(20, true, "num-2 num-10")]                                // 二十, not 两十
    [InlineData(22, true, "num-2 num-10 num-2")]                          // 二十二
    [InlineData(105, false, "num-1 num-hundred num-0 num-5")]             // 一百零五
    [InlineData(110, false, "num-1 num-hundred num-1 num-10")]            // 一百一十: 一 before 十 inside a number
    [InlineData(200, true, "num-liang num-hundred")]                      // 两百
    [InlineData(200, false, "num-2 num-hundred")]                         // 第二百
    [InlineData(1005, false, "num-1 num-thousand num-0 num-5")]           // 一千零五: one 零 for two zeros
    [InlineData(1050, false, "num-1 num-thousand num-0 num-5 num-10")]    // 一千零五十: no 零 at the end
    [InlineData(2002, true, "num-liang num-thousand num-0 num-2")]        // 两千零二
    [InlineData(9999, false, "num-9 num-thousand num-9 num-hundred num-9 num-10 num-9")]
    public void Mandarin(int number, bool counting, string expected)
    {
        var prompts = new List<string>();
        MandarinNumbers.Say(number, counting, prompts);
        Assert.Equal(expected, string.Join(' ', prompts));
    }

    [Theory]
    [InlineData("en", "queue-position num-3", "queue-wait num-4 queue-minutes")]
    [InlineData("zh", "queue-position num-3 queue-position-end", "queue-wait num-4 queue-minutes")]
    public void Position_and_wait_sentences_put_the_number_where_the_language_does(string language, string position, string wait)
    {
        var (p, w) = (new List<string>(), new List<string>());
        AnnouncementText.Position(language, 3, p);
        AnnouncementText.Wait(language, 4, w);
        Assert.Equal((position, wait), (string.Join(' ', p), string.Join(' ', w)));
    }

    [Fact]
    public void One_minute_is_singular_in_English_and_two_minutes_are_liang_in_Mandarin()
    {
        var (en, zh) = (new List<string>(), new List<string>());
        AnnouncementText.Wait("en", 1, en);
        AnnouncementText.Wait("zh", 2, zh);
        Assert.Equal("queue-wait num-1 queue-minute", string.Join(' ', en));
        Assert.Equal("queue-wait num-liang queue-minutes", string.Join(' ', zh));
    }

    [Fact]
    public void Position_zero_is_never_composed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnouncementText.Position("en", 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglishNumbers.Say(-1, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => MandarinNumbers.Say(10_000, true, []));
    }
}
