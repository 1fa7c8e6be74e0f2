using Appliance.Core.Campaigns;

namespace Appliance.Core.Tests.Campaigns;

/// <summary>Contact lists as banks export them: UTF-8 (with or without BOM) and GBK are read; bad rows refuse the list naming the line.</summary>
public sealed class CampaignCsvTests
{
    private static readonly HashSet<string> NoDnc = [];

    [Theory]
    [InlineData("contacts-utf8.csv", "utf-8", "Wang Fang")]
    [InlineData("contacts-utf8-bom.csv", "utf-8", "Wang Fang")]
    [InlineData("contacts-gbk.csv", "gbk", "王芳")]
    public void Utf8_and_gbk_lists_are_read_with_their_chinese_names(string file, string encoding, string third)
    {
        var list = CampaignCsv.Read(Fixture(file), NoDnc);

        Assert.Equal(encoding, list.Encoding);
        Assert.Equal(
            [new CampaignContactRow(2, "13900000001", "张伟"), new CampaignContactRow(3, "13900000002", "李娜"), new CampaignContactRow(4, "13900000003", third)],
            list.Rows);
        Assert.Equal(0, list.SkippedDoNotCall);
    }

    [Theory]
    [InlineData("bad-number.csv", "line 3: number \"1390000abc2\" is not 3 to 20 digits")]
    [InlineData("duplicate.csv", "line 4: number 13900000001 is a duplicate of line 2")]
    [InlineData("missing-column.csv", "line 3: it has 1 fields where the header has 2")]
    [InlineData("neither-encoding.csv", "line 3: the text is neither UTF-8 nor GBK")]
    public void A_bad_row_refuses_the_whole_list_naming_its_line(string file, string message)
    {
        var refused = Assert.Throws<CampaignImportException>(() => CampaignCsv.Read(Fixture(file), NoDnc));

        Assert.Equal(message, refused.Message);
    }

    [Theory]
    [InlineData("phone_number,name\n13900000001,a\n", "line 1: no \"number\" column in the header \"phone_number,name\"")]
    [InlineData("", "line 1: the header is missing (expected e.g. \"number,name\")")]
    [InlineData("number,name\n\"13900000001,a\n", "line 2: a quote is not closed")]
    public void A_list_without_a_usable_header_or_with_an_open_quote_is_refused(string text, string message)
    {
        var refused = Assert.Throws<CampaignImportException>(() => CampaignCsv.Read(System.Text.Encoding.UTF8.GetBytes(text), NoDnc));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Utf16_is_refused_with_advice()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("number\n13900000001\n")).ToArray();

        Assert.Equal("line 1: the file is UTF-16; save the list as UTF-8 or GBK", Assert.Throws<CampaignImportException>(() => CampaignCsv.Read(bytes, NoDnc)).Message);
    }

    [Fact]
    public void Numbers_on_the_do_not_call_list_are_skipped_and_counted()
    {
        var list = CampaignCsv.Read(Fixture("contacts-gbk.csv"), new HashSet<string> { "13900000002", "13800000000" });

        Assert.Equal(["13900000001", "13900000003"], list.Rows.Select(r => r.Number));
        Assert.Equal(1, list.SkippedDoNotCall);
    }

    [Fact]
    public void Quoted_fields_blank_lines_and_a_number_only_list_are_read()
    {
        var list = CampaignCsv.Read("name,number\n\"Li, \"\"Na\"\"\",139 0000 0009\n\n"u8, NoDnc);

        Assert.Equal([new CampaignContactRow(2, "13900000009", "Li, \"Na\"")], list.Rows);
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Campaigns", "Fixtures", name));
}
