using System.Text.Json;

namespace Appliance.Banking.Simulated.Internal;

/// <summary>
/// Where each customer of a seed, and each of its fields, starts in the file (1-based lines), so a problem found after
/// parsing names the line a technician has to edit. Built only for a seed already known to be valid JSON.
/// </summary>
internal sealed class SeedLines
{
    private readonly List<int> _customers = [];
    private readonly Dictionary<(int Customer, string Field), int> _fields = [];

    private SeedLines()
    {
    }

    public static SeedLines Of(ReadOnlySpan<byte> json)
    {
        var lines = new SeedLines();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var (line, counted, inCustomers) = (1, 0, false);
        while (reader.Read())
        {
            var at = (int)reader.TokenStartIndex;
            line += json[counted..at].Count((byte)'\n');
            counted = at;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    inCustomers = reader.ValueTextEquals("customers"u8);
                    break;
                case JsonTokenType.StartObject when inCustomers && reader.CurrentDepth == 2:
                    lines._customers.Add(line);
                    break;
                case JsonTokenType.PropertyName when inCustomers && reader.CurrentDepth == 3:
                    lines._fields.TryAdd((lines._customers.Count - 1, reader.GetString()!), line);
                    break;
            }
        }

        return lines;
    }

    /// <summary>The line of <paramref name="field"/> of customer <paramref name="customer"/>, else of the customer, else 1.</summary>
    public int Of(int customer, string field) =>
        _fields.TryGetValue((customer, field), out var line) ? line
        : customer < _customers.Count ? _customers[customer]
        : 1;
}
