using System.Text.Json;
using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Testing;

namespace Appliance.Core.Tests.Agents;

/// <summary>
/// A roster over a real configuration snapshot: agent 1001 on a simulated phone, 1002 on a SIP phone (extension 1002),
/// pause reasons 1 break and 12 lunch; a manual clock and an in-memory journal.
/// </summary>
internal sealed class AgentFixture
{
    public AgentFixture()
    {
        Directory = new ConfigurationSnapshot(Configuration(), 1);
        Roster = new AgentRoster(Directory, Journal, Time);
    }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryJournal Journal { get; } = new();

    public ConfigurationSnapshot Directory { get; }

    public AgentRoster Roster { get; }

    public static CallCenterConfiguration Configuration() => new()
    {
        Agents =
        [
            new AgentConfig { Id = "1001", Name = "Li Wei", Extension = "1001", Simulated = new SimulatedPhone() },
            new AgentConfig { Id = "1002", Name = "Chen Jing", Extension = "1002" },
        ],
        PauseReasons = [new PauseReasonConfig { Code = "1", Name = "break" }, new PauseReasonConfig { Code = "12", Name = "lunch" }],
    };

    /// <summary>The events written from now on.</summary>
    public int Mark() => Journal.Events.Count;

    public List<CallEvent> Since(int mark) => Journal.Events.Skip(mark).ToList();

    public static JsonElement Data(CallEvent e)
    {
        using var json = JsonDocument.Parse(e.Data!);
        return json.RootElement.Clone();
    }

    public static string? Text(CallEvent e, string name) =>
        Data(e).TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static double Seconds(CallEvent e, string name) => Data(e).GetProperty(name).GetDouble();

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));
}
