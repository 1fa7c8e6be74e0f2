using Appliance.Core.Configuration.Internal;
using Appliance.Core.Directory;
using Appliance.Storage;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Configuration;

/// <summary>
/// The configuration in force: loaded at start, replaced whole by <see cref="Apply(string, string)"/> after the new
/// document is validated and stored, without a restart. Calls read it through <see cref="ICallCenterDirectory"/>; a call
/// already in a menu keeps walking the menu it started, and the next lookup sees the new version.
/// </summary>
public sealed class ConfigurationService : ICallCenterDirectory
{
    private readonly ConfigurationVersionRepository _versions;
    private readonly ConfigurationEnvironment _environment;
    private readonly ILogger<ConfigurationService> _logger;
    private readonly Lock _applyGate = new();
    private ConfigurationSnapshot _current = ConfigurationSnapshot.Empty;
    private string _document = ConfigurationDocument.Write(new CallCenterConfiguration());

    /// <summary>Creates the service; <see cref="Load"/> reads the stored version.</summary>
    public ConfigurationService(ApplianceDatabase database, ConfigurationEnvironment environment, ILogger<ConfigurationService> logger)
    {
        _versions = new ConfigurationVersionRepository(database);
        Database = database;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>Raised after a new version took effect, on the thread that applied it.</summary>
    public event Action<ConfigurationSnapshot>? Changed;

    /// <summary>The snapshot in force.</summary>
    public ConfigurationSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The document in force, canonical.</summary>
    public string Document => Volatile.Read(ref _document);

    private ApplianceDatabase Database { get; }

    /// <inheritdoc />
    public long Version => Current.Version;

    /// <inheritdoc />
    public BranchSettings Branch => Current.Branch;

    /// <inheritdoc />
    public TimeZoneInfo TimeZone => Current.TimeZone;

    /// <inheritdoc />
    public IReadOnlyCollection<QueueDefinition> AllQueues => Current.AllQueues;

    /// <inheritdoc />
    public IReadOnlyList<AgentDefinition> Agents => Current.Agents;

    /// <summary>
    /// Puts the stored version in force. A box that has none gets one: converted from the tables of a box configured
    /// before configuration documents, else <paramref name="initial"/> (the demo on a simulated box), else an empty one.
    /// A stored version that no longer validates (e.g. a line this board lacks) is still loaded, and its errors logged.
    /// </summary>
    public void Load(Func<CallCenterConfiguration?> initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (_versions.Latest() is { } stored)
        {
            var parsed = ConfigurationDocument.Parse(stored.Document);
            if (parsed.Configuration is null)
            {
                throw new StorageException(StorageFailure.Corrupt, $"configuration version {stored.Version} cannot be read: {parsed.Errors[0]}");
            }

            foreach (var error in ConfigurationValidator.Validate(parsed.Configuration, _environment))
            {
                ConfigurationLog.StoredVersionInvalid(_logger, stored.Version, error.ToString());
            }

            Swap(new ConfigurationSnapshot(parsed.Configuration, stored.Version), stored.Document);
            ConfigurationLog.Loaded(_logger, stored.Version, stored.Source);
            return;
        }

        var (first, source) = LegacyConfiguration.FromTables(Database) is { } converted ? (converted, "converted from tables") : (initial(), "initial");
        if (first is not null)
        {
            var result = Apply(first, source);
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"the {source} configuration is invalid: {string.Join("; ", result.Errors)}");
            }
        }
    }

    /// <summary>Validates, stores and puts in force the document <paramref name="json"/>; refused whole with every error named.</summary>
    public ConfigurationApplyResult Apply(string json, string source)
    {
        var parsed = ConfigurationDocument.Parse(json);
        return parsed.Configuration is null ? new ConfigurationApplyResult(Version, parsed.Errors, Changed: false) : Apply(parsed.Configuration, source);
    }

    /// <summary>Validates, stores and puts in force <paramref name="configuration"/>; refused whole with every error named.</summary>
    public ConfigurationApplyResult Apply(CallCenterConfiguration configuration, string source)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = ConfigurationValidator.Validate(configuration, _environment);
        if (errors.Count > 0)
        {
            ConfigurationLog.Refused(_logger, source, errors.Count, errors[0].ToString());
            return new ConfigurationApplyResult(Version, errors, Changed: false);
        }

        var document = ConfigurationDocument.Write(configuration);
        ConfigurationSnapshot snapshot;
        lock (_applyGate)
        {
            if (document == Document && Version > 0)
            {
                return new ConfigurationApplyResult(Version, [], Changed: false);
            }

            var version = _versions.Append(document, source, [.. configuration.Agents.Select(ToRecord)]);
            snapshot = new ConfigurationSnapshot(configuration, version);
            Swap(snapshot, document);
        }

        ConfigurationLog.Applied(_logger, snapshot.Version, source);
        Changed?.Invoke(snapshot);
        return new ConfigurationApplyResult(snapshot.Version, [], Changed: true);
    }

    /// <inheritdoc />
    public EntryPointConfig? EntryPointForLine(int port) => Current.EntryPointForLine(port);

    /// <inheritdoc />
    public EntryPointConfig? EntryPointFor(string? dialledNumber, string? trunk, int? line) => Current.EntryPointFor(dialledNumber, trunk, line);

    /// <inheritdoc />
    public MenuConfig? Menu(string name) => Current.Menu(name);

    /// <inheritdoc />
    public CalendarConfig? Calendar(string name) => Current.Calendar(name);

    /// <inheritdoc />
    public QueueDefinition? Queue(string name) => Current.Queue(name);

    /// <inheritdoc />
    public AgentDefinition? Agent(string id) => Current.Agent(id);

    /// <inheritdoc />
    public int VipPriority(string? callerNumber) => Current.VipPriority(callerNumber);

    /// <inheritdoc />
    public PauseReasonConfig? PauseReason(string code) => Current.PauseReason(code);

    private void Swap(ConfigurationSnapshot snapshot, string document)
    {
        Volatile.Write(ref _document, document);
        Volatile.Write(ref _current, snapshot);
    }

    private static AgentRecord ToRecord(AgentConfig agent) => new(
        agent.Id,
        agent.Name,
        agent.Extension,
        Simulated: agent.Simulated is not null,
        SimAnswerAfterMilliseconds: agent.Simulated?.AnswerAfterMilliseconds,
        SimTalkToneHz: agent.Simulated?.ToneHz);
}
