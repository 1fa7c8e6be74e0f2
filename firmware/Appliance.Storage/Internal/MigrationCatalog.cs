using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Appliance.Storage.Internal;

/// <summary>Finds the numbered migrations embedded in this assembly (Migrations/NNNN_name.sql).</summary>
internal static partial class MigrationCatalog
{
    private static readonly Lazy<IReadOnlyList<Migration>> BuiltInMigrations = new(LoadBuiltIn);

    /// <summary>The firmware's migrations in version order.</summary>
    public static IReadOnlyList<Migration> BuiltIn => BuiltInMigrations.Value;

    /// <summary>Checks that versions start at 1 and have neither gaps nor duplicates, and returns them sorted.</summary>
    public static IReadOnlyList<Migration> Validate(IEnumerable<Migration> migrations)
    {
        var sorted = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Version != i + 1)
            {
                // A gap or duplicate is a build mistake; failing loudly beats a database that skipped a step.
                throw new InvalidOperationException(
                    $"migration '{sorted[i].Name}' has version {sorted[i].Version} where version {i + 1} was expected: "
                    + "migrations must be numbered 1, 2, 3... without gaps or duplicates");
            }

            if (string.IsNullOrWhiteSpace(sorted[i].Sql))
            {
                throw new InvalidOperationException($"migration '{sorted[i].Name}' is empty");
            }
        }

        return sorted;
    }

    private static List<Migration> LoadBuiltIn()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var found = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            found.Add(new Migration(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        return [.. Validate(found)];
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded migration '{resource}' cannot be read");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\.Migrations\.(?<name>(?<version>\d{4})_[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
