using System.Globalization;
using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Demo;

/// <summary>
/// What an empty simulated box starts with: every line enters the "main" menu, key 1 (and 0) reaches the "general"
/// ring-all queue, 9 says goodbye, and simulated agents answer, each a little later than the one before.
/// </summary>
public static class DemoConfiguration
{
    /// <summary>The demo for a board with <paramref name="lineCount"/> lines, or null when the demo is turned off.</summary>
    public static CallCenterConfiguration? Create(int lineCount, string language, DemoDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return null;
        }

        var agents = Enumerable.Range(0, options.AgentCount).Select(i => new AgentConfig
        {
            Id = (1001 + i).ToString(CultureInfo.InvariantCulture),
            Name = "Demo agent " + (1001 + i).ToString(CultureInfo.InvariantCulture),
            Extension = (1001 + i).ToString(CultureInfo.InvariantCulture),
            Simulated = new SimulatedPhone
            {
                AnswerAfterMilliseconds = (int)((options.AgentAnswerSeconds + (i * options.AgentAnswerStaggerSeconds)) * 1000),
                ToneHz = options.AgentToneHz + (i % 5 * 200),
            },
        }).ToList();
        return new CallCenterConfiguration
        {
            Branch = new BranchSettings { Languages = [language] },
            EntryPoints = [new EntryPointConfig { Name = "pstn", Lines = [.. Enumerable.Range(1, lineCount)], Menu = "main" }],
            Menus =
            [
                new MenuConfig
                {
                    Name = "main",
                    Start = "greeting",
                    Nodes =
                    [
                        new PlayNode { Id = "greeting", Prompt = "greeting", Next = "menu" },
                        new MenuNode
                        {
                            Id = "menu",
                            Prompt = "menu",
                            Keys = [new MenuKey { Key = "1", Next = "general" }, new MenuKey { Key = "0", Next = "general" }, new MenuKey { Key = "9", Next = "goodbye" }],
                            OnFailure = "goodbye",
                        },
                        new QueueNode { Id = "general", Queue = "general" },
                        new HangupNode { Id = "goodbye", Prompt = "goodbye" },
                    ],
                },
            ],
            Queues =
            [
                new QueueConfig
                {
                    Name = "general",
                    WrapUpSeconds = options.WrapUpSeconds,
                    Members = [.. agents.Select((a, i) => new QueueMember { Agent = a.Id, Penalty = Math.Min(i, 100) })],
                },
            ],
            Agents = agents,
        };
    }
}
