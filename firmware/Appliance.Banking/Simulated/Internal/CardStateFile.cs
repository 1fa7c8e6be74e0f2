using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Banking.Simulated.Internal;

/// <summary>
/// The simulated bank's mutable state (card blocks, wrong-PIN counts, lockouts) in one JSON file, keyed by customer id
/// so no card number is written. Written whole to a temporary file, flushed, then renamed over the old one: a crash
/// leaves either the old or the new state, never half of one, so a blocked card stays blocked.
/// </summary>
internal static class CardStateFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        WriteIndented = true,
    };

    /// <exception cref="InvalidDataException">The file exists but is unreadable or not a state file.</exception>
    public static Dictionary<string, CustomerState> Load(string path)
    {
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            var document = JsonSerializer.Deserialize<StateDocument>(File.ReadAllBytes(path), Json);
            return document is null
                ? throw new InvalidDataException($"{path}: not a core-bank state file: the file holds null")
                : new(document.Customers, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the core-bank state: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a core-bank state file (fix or remove it; blocked cards would be unblocked): {ex.Message}", ex);
        }
    }

    /// <exception cref="IOException">The file could not be written; the old one is intact.</exception>
    public static void Save(string path, IReadOnlyDictionary<string, CustomerState> customers)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new StateDocument(new(customers, StringComparer.Ordinal)), Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record StateDocument(Dictionary<string, CustomerState> Customers);
}

/// <summary>One customer's state at the simulated bank.</summary>
internal sealed record CustomerState(CardBlock? CardBlock, int WrongPins, bool PinLocked);

/// <summary>A card reported lost.</summary>
internal sealed record CardBlock(string Reference, DateTimeOffset BlockedAt);
