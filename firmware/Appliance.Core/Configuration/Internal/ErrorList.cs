namespace Appliance.Core.Configuration.Internal;

/// <summary>Collects every error of a document, so a technician sees them all at once instead of one per try.</summary>
internal sealed class ErrorList
{
    private readonly List<ConfigurationError> _errors = [];

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public void Add(string path, string message) => _errors.Add(new ConfigurationError(path, message));

    /// <summary>Adds an error unless <paramref name="value"/> is within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public void Range(string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(path, $"must be between {min} and {max}, not {value}");
        }
    }

    /// <summary>Adds an error for each key that appears more than once among <paramref name="items"/>.</summary>
    public void Unique<T>(IEnumerable<T> items, Func<T, string> key, string path, string what, StringComparer? comparer = null)
    {
        var seen = new HashSet<string>(comparer ?? StringComparer.Ordinal);
        foreach (var item in items)
        {
            var value = key(item);
            if (value.Length > 0 && !seen.Add(value))
            {
                Add($"{path}[{value}]", $"{what} '{value}' appears more than once");
            }
        }
    }
}
