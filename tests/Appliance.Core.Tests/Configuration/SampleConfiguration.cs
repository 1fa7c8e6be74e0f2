using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Tests.Configuration;

/// <summary>
/// A branch as a technician would set it up: two hotlines, opening hours with a holiday and a half day, a two-level
/// menu in Mandarin and English with a sensitive card-number entry, a ring-all and a skills queue, three agents, a VIP.
/// Tests change one thing with <c>with</c> and check what the validator says.
/// </summary>
internal static class SampleConfiguration
{
    public static CallCenterConfiguration Branch() => new()
    {
        Branch = new BranchSettings { TimeZone = "Asia/Shanghai", Languages = ["zh", "en"] },
        Calendars =
        [
            new CalendarConfig
            {
                Name = "branch",
                Weekly =
                [
                    new OpeningHours { Days = ["mon", "tue", "wed", "thu", "fri"], Open = "09:00", Close = "17:00" },
                    new OpeningHours { Days = ["sat"], Open = "09:00", Close = "12:00" },
                ],
                Holidays =
                [
                    new HolidayConfig { Date = "2026-10-01", Name = "National Day" },
                    new HolidayConfig { Date = "2026-12-31", Name = "New Year's Eve", Open = "09:00", Close = "12:00" },
                ],
            },
        ],
        EntryPoints =
        [
            new EntryPointConfig { Name = "hotline", Lines = [1, 2, 3], Numbers = ["95588"], Calendar = "branch", Menu = "main", AfterHoursMenu = "closed" },
            new EntryPointConfig { Name = "vip-line", Lines = [4], Menu = "vip", Language = "zh" },
        ],
        Menus = [MainMenu(), Closed(), Vip()],
        Queues =
        [
            new QueueConfig { Name = "general", Strategy = QueueStrategyNames.RingAll, Members = [new QueueMember { Agent = "1001" }, new QueueMember { Agent = "1002", Penalty = 1 }] },
            new QueueConfig
            {
                Name = "cards",
                Strategy = QueueStrategyNames.Skills,
                Skill = "cards",
                MinProficiency = 7,
                Widening = [new SkillWidening { AfterSeconds = 30, MinProficiency = 4 }, new SkillWidening { AfterSeconds = 60, MinProficiency = 0 }],
                Overflow = "queue:general",
                Announce = new QueueAnnouncement { EverySeconds = 45 },
                Callback = new QueueCallback { Key = "2", DialString = "sim:{number};answer=2000" },
            },
        ],
        Agents =
        [
            new AgentConfig { Id = "1001", Name = "Li Na", Extension = "1001", Skills = [new AgentSkill { Skill = "cards", Proficiency = 8 }] },
            new AgentConfig { Id = "1002", Name = "Wang Wei", Extension = "1002", Skills = [new AgentSkill { Skill = "cards", Proficiency = 3 }] },
            new AgentConfig { Id = "1003", Name = "Zhang Min", Extension = "1003", Supervisor = true, Simulated = new SimulatedPhone { AnswerAfterMilliseconds = 2000, ToneHz = 1600 } },
        ],
        VipCallers = [new VipCaller { Number = "13800138000", Priority = 9 }],
    };

    public static MenuConfig MainMenu() => new()
    {
        Name = "main",
        Start = "welcome",
        Nodes =
        [
            new PlayNode { Id = "welcome", Prompt = "greeting", Next = "lang" },
            new LanguageNode { Id = "lang", Prompt = "language", Keys = [new LanguageKey { Key = "1", Language = "zh" }, new LanguageKey { Key = "2", Language = "en" }], Next = "root" },
            new MenuNode
            {
                Id = "root",
                Prompt = "menu",
                Keys = [Key("1", "cards"), Key("2", "to-general"), Key("0", "to-general"), Key("9", "bye")],
                OnFailure = "to-general",
            },
            new MenuNode { Id = "cards", Prompt = "cards-menu", Keys = [Key("1", "to-cards"), Key("2", "card-number"), Key("*", "root")], OnFailure = "to-general" },
            new CollectNode { Id = "card-number", Prompt = "enter-card", Variable = "card", MinDigits = 16, MaxDigits = 19, Sensitive = true, Next = "to-cards", OnFailure = "to-general" },
            new QueueNode { Id = "to-general", Queue = "general" },
            new QueueNode { Id = "to-cards", Queue = "cards" },
            new HangupNode { Id = "bye", Prompt = "goodbye" },
        ],
    };

    public static MenuKey Key(string key, string next) => new() { Key = key, Next = next };

    private static MenuConfig Closed() => new()
    {
        Name = "closed",
        Start = "message",
        Nodes = [new PlayNode { Id = "message", Prompt = "closed", Interruptible = false, Next = "bye" }, new HangupNode { Id = "bye" }],
    };

    private static MenuConfig Vip() => new()
    {
        Name = "vip",
        Start = "check",
        Nodes =
        [
            new ConditionNode { Id = "check", Rules = [new ConditionRule { Subject = "vip", Next = "first" }, new ConditionRule { Subject = "calendar", Name = "branch", Next = "general" }], Else = "main" },
            new QueueNode { Id = "first", Queue = "general", Priority = 8 },
            new QueueNode { Id = "general", Queue = "general" },
            new GotoNode { Id = "main", Menu = "main" },
        ],
    };
}
