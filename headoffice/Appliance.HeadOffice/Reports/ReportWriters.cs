using System.Text;
using System.Text.Json;
using Appliance.HeadOffice.Reports.Internal;

namespace Appliance.HeadOffice.Reports;

/// <summary>Prints a <see cref="BranchReport"/> as CSV (RFC 4180) or JSON.</summary>
public static class ReportWriters
{
    /// <summary>
    /// Two CSV tables separated by one empty line: the KPI rows, then the call records, each with its own header row.
    /// </summary>
    public static async Task WriteCsvAsync(BranchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await WriteCsvRowAsync(output, ReportValues.KpiColumns);
        foreach (var row in report.Kpis)
        {
            await WriteCsvRowAsync(output, ReportValues.Kpi(report.BranchId, row));
        }

        await output.WriteAsync("\r\n");
        await WriteCsvRowAsync(output, ReportValues.CallColumns);
        foreach (var call in report.Calls)
        {
            await WriteCsvRowAsync(output, ReportValues.Call(report.BranchId, call));
        }
    }

    /// <summary>One JSON object: branch_id, from, to, interval, kpis[] and calls[] with the same field names as the CSV columns.</summary>
    public static async Task WriteJsonAsync(BranchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("branch_id", report.BranchId);
            json.WriteString("from", report.From.UtcDateTime);
            json.WriteString("to", report.To.UtcDateTime);
            json.WriteString("interval", report.Interval.ToString());
            WriteArray(json, "kpis", ReportValues.KpiColumns, report.Kpis.Select(row => ReportValues.Kpi(report.BranchId, row)));
            WriteArray(json, "calls", ReportValues.CallColumns, report.Calls.Select(call => ReportValues.Call(report.BranchId, call)));
            json.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteArray(Utf8JsonWriter json, string name, string[] columns, IEnumerable<object?[]> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Length; i++)
            {
                json.WritePropertyName(columns[i]);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case int n: json.WriteNumberValue(n); break;
                    case double d: json.WriteNumberValue(double.IsFinite(d) ? d : 0); break;
                    default: json.WriteStringValue(ReportValues.Format(row[i])); break;
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static async Task WriteCsvRowAsync(TextWriter output, IReadOnlyList<object?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await output.WriteAsync(',');
            }

            await output.WriteAsync(Quote(ReportValues.Format(fields[i])));
        }

        await output.WriteAsync("\r\n");
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled.
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
