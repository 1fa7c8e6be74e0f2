using System.Text;
using System.Text.Json;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Campaigns;

/// <summary>
/// <c>appliance campaign create|import|dnc add</c> against the appliance running in-process with its whole composition
/// (SIP on an ephemeral port, so no fixed port is bound): what is accepted is stored, and a refusal names what is wrong
/// (for a list, the line), exits 4 and stores nothing.
/// </summary>
public sealed class CampaignVerbsTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private InProcessAppliance _appliance = null!;

    private CampaignRepository Repository => _appliance.App.Services.GetRequiredService<CampaignRepository>();

    public async Task InitializeAsync() =>
        _appliance = await InProcessAppliance.StartAsync(_data, extraArguments: ["--set", "Sip:Transport:Port=0"], includeComposition: true);

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Create_stores_a_draft_and_a_bad_setting_is_named_and_stores_nothing()
    {
        var created = await VerbAsync("campaign", "create", "spring", "--queue", "general", "--hours", "09:00-18:00", "--ring", "20");
        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        using (var json = JsonDocument.Parse(created.Output))
        {
            Assert.Equal(("draft", 20), (json.RootElement.GetProperty("state").GetString(), json.RootElement.GetProperty("ringSeconds").GetInt32()));
        }

        (string[] Arguments, string Problem)[] refused =
        [
            (["autumn", "--queue", "nosuch"], "queue 'nosuch' does not exist"),
            (["autumn", "--queue", "general", "--hours", "18:00-18:00"], "hours '18:00-18:00' must be HH:MM-HH:MM"),
            (["autumn", "--queue", "general", "--attempts", "4"], "maxAttempts 4 must be 1 to 3"),
            (["autumn", "--queue", "general", "--ring", "2"], "ringSeconds 2 must be 5 to 120"),
            (["autumn", "--queue", "general", "--dial-string", "line:5551234"], "must contain {number}"),
            (["spring", "--queue", "general"], "spring"), // exists already
        ];
        foreach (var (arguments, problem) in refused)
        {
            var result = await VerbAsync(["campaign", "create", .. arguments]);
            Assert.True(result.ExitCode == ExitCodes.RequestRefused, $"{string.Join(' ', arguments)}: {result}");
            Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(["spring"], Repository.List().Select(c => c.Name));
        Assert.Equal("draft", Repository.Get("spring")!.State);
    }

    [Theory]
    [InlineData("number,name\n13900000001,张伟\n1390000abc2,李娜\n13900000003,王芳\n", "line 3: number \"1390000abc2\" is not 3 to 20 digits")]
    [InlineData("number,name\n13900000001,张伟\n13900000002,李娜\n139 0000 0001,王芳\n", "line 4: number 13900000001 is a duplicate of line 2")]
    [InlineData("name\n张伟\n", "line 1: no \"number\" column")]
    [InlineData("number,name\n13900000001,张伟,extra\n", "line 2: it has 3 fields where the header has 2")]
    public async Task A_bad_list_is_refused_naming_the_line_and_nothing_is_imported(string csv, string problem)
    {
        await CreateAsync();
        var list = await WriteListAsync(Encoding.UTF8.GetBytes(csv));

        var result = await VerbAsync("campaign", "import", "spring", list);

        Assert.True(result.ExitCode == ExitCodes.RequestRefused, result.ToString());
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Empty(Repository.Contacts("spring"));
        using var status = JsonDocument.Parse((await VerbAsync("campaign", "status", "spring")).Output);
        Assert.Equal(0, status.RootElement.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task A_gbk_list_is_imported_and_a_number_on_the_do_not_call_list_is_left_out()
    {
        await CreateAsync();
        var dnc = await VerbAsync("campaign", "dnc", "add", "139-0000-0002");
        Assert.Equal(ExitCodes.Ok, dnc.ExitCode);
        Assert.Contains("13900000002", dnc.Output, StringComparison.Ordinal);

        var gbk = CodePagesEncoding().GetBytes("号码,姓名\n13900000001,张伟\n13900000002,李娜\n13900000003,王芳\n");
        var result = await VerbAsync("campaign", "import", "spring", await WriteListAsync(gbk));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("imported").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("skippedDoNotCall").GetInt32());
        Assert.Equal("gbk", json.RootElement.GetProperty("encoding").GetString());
        Assert.Equal([("13900000001", "张伟"), ("13900000003", "王芳")], Repository.Contacts("spring").Select(c => (c.Number, c.Name)).Order());
        Assert.Contains("13900000002", Repository.DoNotCall());
    }

    [Fact]
    public async Task A_bad_do_not_call_number_or_an_unknown_campaign_is_named_and_changes_nothing()
    {
        var dnc = await VerbAsync("campaign", "dnc", "add", "12ab");
        Assert.Equal(ExitCodes.RequestRefused, dnc.ExitCode);
        Assert.Contains("number '12ab' is not 3 to 20 digits", dnc.Error, StringComparison.Ordinal);
        Assert.Empty(Repository.DoNotCall());

        var list = await WriteListAsync(Encoding.UTF8.GetBytes("number\n13900000001\n"));
        var import = await VerbAsync("campaign", "import", "nosuch", list);
        Assert.Equal(ExitCodes.RequestRefused, import.ExitCode);
        Assert.Contains("there is no campaign 'nosuch'", import.Error, StringComparison.Ordinal);
        Assert.Empty(Repository.Contacts("nosuch"));
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    private async Task CreateAsync() =>
        Assert.Equal(ExitCodes.Ok, (await VerbAsync("campaign", "create", "spring", "--queue", "general")).ExitCode);

    private async Task<string> WriteListAsync(byte[] content)
    {
        var path = _data.File($"list-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private Task<CliResult> VerbAsync(params string[] arguments) => CliRun.InvokeAsync([.. arguments, "--data", _data.Path]);
}
