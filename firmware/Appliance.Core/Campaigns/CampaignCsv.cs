using System.Globalization;
using Appliance.Core.Campaigns.Internal;

namespace Appliance.Core.Campaigns;

/// <summary>
/// Reads a campaign's contact list: UTF-8 (with or without BOM) or GBK, a header naming a "number" column (or 号码 /
/// 电话 / phone) and optionally "name" (姓名), then one contact per line. All or nothing: the first bad line (a number
/// that is not 3–20 digits, a duplicate, a missing column, a bad name) refuses the whole list, naming that line.
/// Numbers on the do-not-call list are left out and counted.
/// </summary>
public static class CampaignCsv
{
    /// <summary>Most contacts one list may hold.</summary>
    public const int MaxRows = 100_000;

    private static readonly string[] NumberHeaders = ["number", "phone", "号码", "电话", "电话号码"];
    private static readonly string[] NameHeaders = ["name", "姓名", "客户姓名"];

    /// <exception cref="CampaignImportException">The list is refused; the message names the line.</exception>
    public static CampaignCsvList Read(ReadOnlySpan<byte> content, IReadOnlySet<string> doNotCall)
    {
        ArgumentNullException.ThrowIfNull(doNotCall);
        var (encoding, lines) = ListEncoding.Decode(content);
        if (lines.Count == 0 || lines[0].Trim().Length == 0 || CsvFields.Split(lines[0]) is not { } header)
        {
            throw new CampaignImportException("line 1: the header is missing (expected e.g. \"number,name\")");
        }

        var numberColumn = header.FindIndex(h => NumberHeaders.Contains(h.ToLowerInvariant()));
        var nameColumn = header.FindIndex(h => NameHeaders.Contains(h.ToLowerInvariant()));
        if (numberColumn < 0)
        {
            throw new CampaignImportException($"line 1: no \"number\" column in the header \"{lines[0]}\"");
        }

        var rows = new List<CampaignContactRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = CsvFields.Split(lines[i]) ?? throw Refused(line, "a quote is not closed");
            if (fields.Count != header.Count)
            {
                throw Refused(line, $"it has {fields.Count} fields where the header has {header.Count}");
            }

            var number = Normalize(fields[numberColumn]) ?? throw Refused(line, $"number \"{fields[numberColumn]}\" is not 3 to 20 digits");
            var name = nameColumn < 0 ? string.Empty : fields[nameColumn];
            if (name.Length > 128 || name.Any(char.IsControl))
            {
                throw Refused(line, "the name is longer than 128 characters or has control characters");
            }

            if (seen.TryGetValue(number, out var earlier))
            {
                throw Refused(line, $"number {number} is a duplicate of line {earlier}");
            }

            seen[number] = line;
            if (doNotCall.Contains(number))
            {
                skipped++;
                continue;
            }

            rows.Add(new CampaignContactRow(line, number, name));
            if (rows.Count > MaxRows)
            {
                throw Refused(line, $"the list has more than {MaxRows} contacts");
            }
        }

        return new CampaignCsvList(encoding, rows, skipped);
    }

    /// <summary>The digits of a phone number written with spaces or dashes, or null if it is not 3–20 digits.</summary>
    public static string? Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length is >= 3 and <= 20 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static CampaignImportException Refused(int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"line {line}: {problem}"));
}
