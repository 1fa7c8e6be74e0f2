using System.Text.Json.Nodes;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The appliance configured by `config import` with a two-level menu that starts with a language choice, a skills
/// queue for cards (proficiency 7 or more first) and three simulated agents: 1001 (cards 8, answers after 2.5 s),
/// 1002 (cards 3, answers after 1 s) and 1003 (no cards skill, answers after 0.5 s).
/// </summary>
public sealed class SipMenuApplianceFixture : SipApplianceFixture
{
    private const string Configuration = """
        {
          "branch": { "timeZone": "Asia/Shanghai", "languages": ["en", "zh"] },
          "entryPoints": [ { "name": "pstn", "lines": [1, 2, 3, 4], "menu": "main" } ],
          "menus": [ {
            "name": "main", "start": "language",
            "nodes": [
              { "type": "language", "id": "language", "prompt": "greeting", "keys": [ { "key": "1", "language": "zh" }, { "key": "2", "language": "en" } ], "next": "root" },
              { "type": "menu", "id": "root", "prompt": "menu", "keys": [ { "key": "1", "next": "cards" }, { "key": "0", "next": "general" } ], "onFailure": "general" },
              { "type": "menu", "id": "cards", "prompt": "menu", "keys": [ { "key": "1", "next": "to-cards" }, { "key": "9", "next": "root" } ], "onFailure": "general" },
              { "type": "queue", "id": "to-cards", "queue": "cards" },
              { "type": "queue", "id": "general", "queue": "general" }
            ] } ],
          "queues": [
            { "name": "general", "members": [ { "agent": "1003" } ] },
            { "name": "cards", "strategy": "skills", "skill": "cards", "minProficiency": 7 }
          ],
          "agents": [
            { "id": "1001", "name": "Li Na", "extension": "1001", "skills": [ { "skill": "cards", "proficiency": 8 } ], "simulated": { "answerAfterMilliseconds": 2500, "toneHz": 1400 } },
            { "id": "1002", "name": "Wang Wei", "extension": "1002", "skills": [ { "skill": "cards", "proficiency": 3 } ], "simulated": { "answerAfterMilliseconds": 1000, "toneHz": 1600 } },
            { "id": "1003", "name": "Zhang Min", "extension": "1003", "simulated": { "answerAfterMilliseconds": 500, "toneHz": 1800 } }
          ]
        }
        """;

    protected override bool NeedsConfiguration => true;

    internal ApplianceDatabase OpenDatabase() =>
        new(Path.Combine(DataDirectory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    protected override void Edit(JsonNode configuration)
    {
        var wanted = JsonNode.Parse(Configuration)!.AsObject();
        foreach (var (name, value) in wanted.ToList())
        {
            wanted.Remove(name);
            configuration[name] = value;
        }
    }
}
