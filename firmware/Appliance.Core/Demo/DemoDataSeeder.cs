using System.Globalization;
using Appliance.Storage;

namespace Appliance.Core.Demo;

/// <summary>
/// Gives an empty simulated box something to do: every line enters the "main" menu, key 1 (and 0) reaches the
/// "general" ring-all queue, and simulated agents answer it. Nothing is seeded once any line is configured.
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>Seeds <paramref name="database"/> if it has no lines; returns whether it did.</summary>
    public static bool SeedIfEmpty(ApplianceDatabase database, int lineCount, DemoDataOptions options)
    {
        var lines = new LineRepository(database);
        if (!options.Enabled || lines.List().Count > 0)
        {
            return false;
        }

        var agents = new AgentRepository(database);
        var members = new List<QueueMemberRecord>();
        for (var i = 0; i < options.AgentCount; i++)
        {
            var extension = (1001 + i).ToString(CultureInfo.InvariantCulture);
            agents.Upsert(new AgentRecord(
                extension,
                "Demo agent " + extension,
                extension,
                Simulated: true,
                SimAnswerAfterMilliseconds: (int)((options.AgentAnswerSeconds + (i * options.AgentAnswerStaggerSeconds)) * 1000),
                SimTalkToneHz: options.AgentToneHz + (i % 5 * 200)));
            members.Add(new QueueMemberRecord(extension, Math.Min(i, 100)));
        }

        new QueueRepository(database).Upsert(new QueueRecord("general", QueueStrategies.RingAll, 15, 300, options.WrapUpSeconds, 20, members));
        new MenuRepository(database).Upsert(new MenuRecord(
            "main", "greeting", "menu", "invalid", "timeout", "goodbye", 5, 3,
            [new MenuOptionRecord('1', "queue:general"), new MenuOptionRecord('0', "queue:general"), new MenuOptionRecord('9', "hangup")]));
        for (var port = 1; port <= lineCount; port++)
        {
            lines.Upsert(new LineRecord(port, "PSTN " + port.ToString(CultureInfo.InvariantCulture), "main"));
        }

        return true;
    }
}
