namespace Appliance.Host.Tests.Support;

/// <summary>
/// A systemd unit file read the way systemd.syntax(7) describes: sections, <c>Key=value</c> assignments in order (a key
/// may repeat; an empty value resets a list), comment lines starting with # or ;. Line continuations are not used here.
/// </summary>
internal sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> _assignments = [];

    private UnitFile()
    {
    }

    public static UnitFile Load(string path)
    {
        var unit = new UnitFile();
        var section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line.Trim('[', ']');
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"not an assignment in {path}: {line}");
            unit._assignments.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    /// <summary>The value in force: the last assignment of the key.</summary>
    public string Value(string section, string key) =>
        _assignments.LastOrDefault(a => a.Section == section && a.Key == key) is { Key: not null } found
            ? found.Value
            : throw new Xunit.Sdk.XunitException($"[{section}] {key}= is not set");

    /// <summary>Every assignment of a list-valued key after its last reset, split into words.</summary>
    public IReadOnlyList<string> Words(string section, string key)
    {
        var words = new List<string>();
        foreach (var (_, _, value) in _assignments.Where(a => a.Section == section && a.Key == key))
        {
            if (value.Length == 0)
            {
                words.Clear();
            }

            words.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return words;
    }

    /// <summary>Each assignment of a key that may repeat, as written (e.g. DeviceAllow=).</summary>
    public IReadOnlyList<string> Values(string section, string key) =>
        [.. _assignments.Where(a => a.Section == section && a.Key == key).Select(a => a.Value)];
}
