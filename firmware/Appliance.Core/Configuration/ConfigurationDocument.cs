using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Core.Configuration;

/// <summary>
/// The configuration as a JSON document: what <c>appliance config export</c> writes and <c>import</c> reads. Writing is
/// canonical (fixed property order, two-space indent, nulls left out), so export → import → export gives the same bytes.
/// Reading refuses unknown properties and duplicate keys, so a typo is an error rather than a silently ignored setting.
/// </summary>
public static class ConfigurationDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        AllowOutOfOrderMetadataProperties = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>Reads a document; on a syntax or shape error the result has no configuration and one error naming the place.</summary>
    public static ConfigurationParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var configuration = JsonSerializer.Deserialize<CallCenterConfiguration>(json, Options);
            return configuration is null
                ? ConfigurationParseResult.Failed(new ConfigurationError("$", "the document is empty (null)"))
                : ConfigurationParseResult.Parsed(configuration);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})" : "";
            return ConfigurationParseResult.Failed(new ConfigurationError(ex.Path ?? "$", FirstSentence(ex.Message) + where));
        }
    }

    /// <summary>Writes <paramref name="configuration"/> as its canonical document, ending with a newline.</summary>
    public static string Write(CallCenterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return JsonSerializer.Serialize(configuration, Options) + "\n";
    }

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; the error carries those already.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
