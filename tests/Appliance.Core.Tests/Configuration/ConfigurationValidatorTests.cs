using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Tests.Configuration;

public sealed class ConfigurationValidatorTests
{
    [Fact]
    public void The_sample_branch_is_valid()
    {
        Assert.Empty(ConfigurationValidator.Validate(SampleConfiguration.Branch()));
    }

    [Fact]
    public void A_loop_that_cannot_exit_is_refused_naming_its_nodes()
    {
        var menu = new MenuConfig
        {
            Name = "spin",
            Start = "a",
            Nodes = [new PlayNode { Id = "a", Prompt = "greeting", Next = "b" }, new SetNode { Id = "b", Variable = "x", Value = "1", Next = "a" }],
        };

        var errors = Validate(c => c with { Menus = [.. c.Menus, menu] });

        var error = Assert.Single(errors);
        Assert.Equal("menus[spin].nodes[a]", error.Path);
        Assert.Contains("spin/a → spin/b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_between_menus_through_goto_nodes_is_refused()
    {
        var ping = new MenuConfig { Name = "ping", Start = "go", Nodes = [new GotoNode { Id = "go", Menu = "pong" }] };
        var pong = new MenuConfig { Name = "pong", Start = "go", Nodes = [new GotoNode { Id = "go", Menu = "ping" }] };

        var errors = Validate(c => c with { Menus = [.. c.Menus, ping, pong] });

        Assert.Contains(errors, e => e.Path == "menus[ping].nodes[go]" && e.Message.Contains("no way out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_with_one_key_leading_out_is_allowed()
    {
        // root → cards → (*) root is a loop, but keys in both lead to queues.
        Assert.Empty(Validate(c => c));
    }

    [Fact]
    public void A_node_with_no_exit_is_refused_naming_the_node_and_the_exit()
    {
        var errors = Validate(c => ReplaceNode(c, "welcome", new PlayNode { Id = "welcome", Prompt = "greeting" }));

        var error = Assert.Single(errors);
        Assert.Equal("menus[main].nodes[welcome]", error.Path);
        Assert.Contains("no exit for next", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_mapped_twice_is_refused_naming_the_key()
    {
        var root = (MenuNode)SampleConfiguration.MainMenu().Nodes.Single(n => n.Id == "root");
        var errors = Validate(c => ReplaceNode(c, "root", root with { Keys = [.. root.Keys, SampleConfiguration.Key("1", "bye")] }));

        var error = Assert.Single(errors);
        Assert.Equal("menus[main].nodes[root].keys[1]", error.Path);
        Assert.Contains("mapped twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_that_overflows_into_itself_is_refused_directly_and_through_another_queue()
    {
        var direct = Validate(c => c with { Queues = [.. c.Queues.Select(q => q.Name == "general" ? q with { Overflow = "queue:general" } : q)] });
        var indirect = Validate(c => c with { Queues = [.. c.Queues.Select(q => q.Name == "general" ? q with { Overflow = "queue:cards" } : q)] });

        Assert.Contains(direct, e => e.Path == "queues[general].overflow" && e.Message.Contains("back into itself", StringComparison.Ordinal));
        Assert.Contains(indirect, e => e.Path == "queues[cards].overflow" && e.Message.Contains("cards → general → cards", StringComparison.Ordinal));
        Assert.Contains(indirect, e => e.Path == "queues[general].overflow");
    }

    [Fact]
    public void A_strategy_that_does_not_exist_is_refused_listing_the_strategies()
    {
        var errors = Validate(c => c with { Queues = [.. c.Queues.Select(q => q.Name == "general" ? q with { Strategy = "fastest-finger" } : q)] });

        var error = Assert.Single(errors);
        Assert.Equal("queues[general].strategy", error.Path);
        Assert.Contains("'fastest-finger'", error.Message, StringComparison.Ordinal);
        Assert.Contains("least-talk-time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("01/10/2026")]
    public void A_holiday_with_an_impossible_date_is_refused_naming_it(string date)
    {
        var errors = Validate(c => c with
        {
            Calendars = [c.Calendars[0] with { Holidays = [.. c.Calendars[0].Holidays, new HolidayConfig { Date = date }] }],
        });

        var error = Assert.Single(errors);
        Assert.Equal($"calendars[branch].holidays[{date}].date", error.Path);
    }

    [Fact]
    public void A_prompt_missing_in_one_language_is_refused_naming_the_language()
    {
        var environment = new ConfigurationEnvironment { PromptExists = (language, prompt) => !(language == "en" && prompt == "cards-menu") };

        var errors = ConfigurationValidator.Validate(SampleConfiguration.Branch(), environment);

        var error = Assert.Single(errors);
        Assert.Equal("menus[main].nodes[cards]", error.Path);
        Assert.Contains("'cards-menu' has no recording in language 'en'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_errors_are_all_named()
    {
        var errors = Validate(c => c with
        {
            Branch = c.Branch with { TimeZone = "Mars/Olympus_Mons" },
            Queues = [.. c.Queues.Select(q => q.Name == "general" ? q with { RingTimeoutSeconds = 1 } : q)],
            EntryPoints = [.. c.EntryPoints, new EntryPointConfig { Name = "extra", Lines = [2], Menu = "main" }],
        });

        Assert.Equal(
            ["branch.timeZone", "entryPoints[extra].lines[2]", "queues[general].ringTimeoutSeconds"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("entry point on a line the board lacks", "entryPoints[vip-line].lines")]
    [InlineData("opening hours that overlap", "calendars[branch].weekly")]
    [InlineData("a half day with only an opening time", "calendars[branch].holidays[2026-05-01]")]
    [InlineData("a calendar without an after-hours menu", "entryPoints[hotline].afterHoursMenu")]
    [InlineData("a member who is no agent", "queues[general].members[9999]")]
    [InlineData("widening that narrows", "queues[cards].widening[2].minProficiency")]
    [InlineData("a language key for a language the branch lacks", "menus[main].nodes[lang].keys[2]")]
    [InlineData("a queue node naming no queue", "menus[main].nodes[to-cards].queue")]
    [InlineData("a start node that does not exist", "menus[main].start")]
    [InlineData("a sensitive entry with more minimum than maximum digits", "menus[main].nodes[card-number].maxDigits")]
    public void Each_mistake_is_named_at_its_place(string mistake, string path)
    {
        var environment = new ConfigurationEnvironment { LineCount = 3 };
        var configuration = Mistake(mistake, SampleConfiguration.Branch());
        var errors = ConfigurationValidator.Validate(configuration, mistake.StartsWith("entry point on", StringComparison.Ordinal) ? environment : null);

        Assert.Contains(errors, e => e.Path == path);
    }

    private static CallCenterConfiguration Mistake(string mistake, CallCenterConfiguration c) => mistake switch
    {
        "entry point on a line the board lacks" => c,
        "opening hours that overlap" => c with { Calendars = [c.Calendars[0] with { Weekly = [.. c.Calendars[0].Weekly, new OpeningHours { Days = ["mon"], Open = "16:00", Close = "18:00" }] }] },
        "a half day with only an opening time" => c with { Calendars = [c.Calendars[0] with { Holidays = [new HolidayConfig { Date = "2026-05-01", Open = "09:00" }] }] },
        "a calendar without an after-hours menu" => c with { EntryPoints = [c.EntryPoints[0] with { AfterHoursMenu = null }, c.EntryPoints[1]] },
        "a member who is no agent" => c with { Queues = [c.Queues[0] with { Members = [new QueueMember { Agent = "9999" }] }, c.Queues[1]] },
        "widening that narrows" => c with { Queues = [c.Queues[0], c.Queues[1] with { Widening = [new SkillWidening { AfterSeconds = 30, MinProficiency = 4 }, new SkillWidening { AfterSeconds = 60, MinProficiency = 6 }] }] },
        "a language key for a language the branch lacks" => c with { Branch = c.Branch with { Languages = ["zh"] } },
        "a queue node naming no queue" => c with { Queues = [c.Queues[0]] },
        "a start node that does not exist" => c with { Menus = [c.Menus[0] with { Start = "hello" }, .. c.Menus.Skip(1)] },
        "a sensitive entry with more minimum than maximum digits" => ReplaceNode(c, "card-number", ((CollectNode)SampleConfiguration.MainMenu().Nodes.Single(n => n.Id == "card-number")) with { MinDigits = 20, MaxDigits = 19 }),
        _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
    };

    private static IReadOnlyList<ConfigurationError> Validate(Func<CallCenterConfiguration, CallCenterConfiguration> change) =>
        ConfigurationValidator.Validate(change(SampleConfiguration.Branch()));

    private static CallCenterConfiguration ReplaceNode(CallCenterConfiguration c, string id, FlowNode node) => c with
    {
        Menus = [.. c.Menus.Select(m => m.Name == "main" ? m with { Nodes = [.. m.Nodes.Select(n => n.Id == id ? node : n)] } : m)],
    };
}
