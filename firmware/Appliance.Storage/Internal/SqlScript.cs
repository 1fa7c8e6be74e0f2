namespace Appliance.Storage.Internal;

/// <summary>
/// Splits a migration script into single statements. Microsoft.Data.Sqlite runs multi-statement text itself, but it was
/// seen to skip a failing statement that follows an ALTER TABLE without raising any error, which would let a broken
/// migration commit; running statements one by one makes every failure surface.
/// </summary>
internal static class SqlScript
{
    /// <summary>The statements of <paramref name="script"/>, each ending in ';'. Triggers, literals and comments stay intact.</summary>
    public static List<string> Statements(string script)
    {
        var statements = new List<string>();
        var start = 0;
        for (var i = script.IndexOf(';', start); i >= 0; i = script.IndexOf(';', i + 1))
        {
            // SQLite's own tokenizer decides whether this ';' ends a statement (not one inside a string, a comment or
            // a trigger body).
            var candidate = script[start..(i + 1)];
            if (SQLitePCL.raw.sqlite3_complete(candidate) != 0)
            {
                statements.Add(candidate.Trim());
                start = i + 1;
            }
        }

        var rest = script[start..];
        if (!string.IsNullOrWhiteSpace(rest))
        {
            // A last statement without ';' (or a trailing comment, which executes as nothing).
            statements.Add(rest.Trim() + "\n;");
        }

        return statements;
    }
}
