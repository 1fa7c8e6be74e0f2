using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Appliance.Host.Configuration;

/// <summary>
/// Builds the appliance's configuration the one way every verb uses:
/// embedded defaults &lt; <c>--config</c> file &lt; <c>APPLIANCE_*</c> environment &lt; <c>--set</c>.
/// </summary>
public static class ApplianceConfigurationLoader
{
    private const string DefaultsResourceName = "Appliance.Host.appliance.defaults.json";

    // Same leniency as Microsoft.Extensions.Configuration.Json, so what passes here also loads there.
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads the configuration into a fresh root.</summary>
    /// <exception cref="ConfigurationFileException">The config file is missing or malformed.</exception>
    public static IConfigurationRoot Load(ApplianceConfigurationSources sources)
    {
        var builder = new ConfigurationManager();
        AddSources(builder, sources);
        return builder;
    }

    /// <summary>
    /// Replaces whatever sources <paramref name="builder"/> had (e.g. the web host's ASPNETCORE_* variables)
    /// with the appliance's own, so nothing outside this list can change a setting.
    /// </summary>
    /// <exception cref="ConfigurationFileException">The config file is missing or malformed.</exception>
    public static void AddSources(IConfigurationBuilder builder, ApplianceConfigurationSources sources)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sources);
        builder.Sources.Clear();
        builder.AddJsonStream(OpenDefaults());
        if (sources.ConfigFile is not null)
        {
            AddConfigFile(builder, sources.ConfigFile);
        }

        builder.AddInMemoryCollection(LastWins(EnvironmentSettings(sources.Environment)));
        builder.AddInMemoryCollection(LastWins(sources.Overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value))));
    }

    private static Stream OpenDefaults() =>
        typeof(ApplianceConfigurationLoader).Assembly.GetManifestResourceStream(DefaultsResourceName)
        ?? throw new InvalidOperationException($"embedded resource {DefaultsResourceName} is missing from the build");

    private static void AddConfigFile(IConfigurationBuilder builder, string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationFileException($"configuration file {fullPath} does not exist", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationFileException($"configuration file {fullPath} cannot be read: {ex.Message}", ex);
        }

        CheckJson(fullPath, bytes);
        try
        {
            builder.AddJsonStream(new MemoryStream(bytes, writable: false));
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            // Duplicate keys and similar are only caught by the configuration provider itself.
            throw new ConfigurationFileException($"configuration file {fullPath} is not valid: {ex.Message}", ex);
        }
    }

    private static void CheckJson(string fullPath, byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationFileException(
                    $"configuration file {fullPath} must contain a JSON object at the top level, not {document.RootElement.ValueKind}");
            }
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
            throw new ConfigurationFileException($"configuration file {fullPath} is not valid JSON{where}", ex);
        }
    }

    // Keys are case-insensitive: "--set a=1 --set A=2" means A=2, as the later one on the command line.
    private static Dictionary<string, string?> LastWins(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static IEnumerable<KeyValuePair<string, string?>> EnvironmentSettings(IReadOnlyDictionary<string, string?> environment)
    {
        var prefix = ApplianceConfigurationSources.EnvironmentPrefix;
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                // Same convention as AddEnvironmentVariables: "__" stands for ':' because shells reject ':' in names.
                yield return new(name[prefix.Length..].Replace("__", ":", StringComparison.Ordinal), value);
            }
        }
    }
}
