namespace Appliance.Core.Configuration.Internal;

/// <summary>The document's names, for checking references (duplicates are reported elsewhere; the first one wins here).</summary>
internal sealed class ConfigurationIndex
{
    public ConfigurationIndex(CallCenterConfiguration configuration)
    {
        Configuration = configuration;
        Menus = ByName(configuration.Menus, m => m.Name);
        Queues = ByName(configuration.Queues, q => q.Name);
        Agents = ByName(configuration.Agents, a => a.Id);
        Calendars = ByName(configuration.Calendars, c => c.Name);
        Languages = new HashSet<string>(configuration.Branch.Languages, StringComparer.Ordinal);
    }

    public CallCenterConfiguration Configuration { get; }

    public IReadOnlyDictionary<string, MenuConfig> Menus { get; }

    public IReadOnlyDictionary<string, QueueConfig> Queues { get; }

    public IReadOnlyDictionary<string, AgentConfig> Agents { get; }

    public IReadOnlyDictionary<string, CalendarConfig> Calendars { get; }

    public IReadOnlySet<string> Languages { get; }

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(name(item), item);
        }

        return map;
    }
}
