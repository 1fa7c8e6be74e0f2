using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Configuration.Internal;

/// <summary>
/// Binds a section onto an options object and turns the binder's conversion failures into validation failures
/// that name the setting and say what kind of value it wants ("Board:Simulated:LineCount: 'many' is not a whole number").
/// </summary>
internal static partial class SectionBinder
{
    public static void Bind<T>(IConfiguration configuration, string sectionPath, T options)
        where T : class
    {
        try
        {
            configuration.GetSection(sectionPath).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), [Describe(configuration, sectionPath, typeof(T), ex)]);
        }
    }

    private static string Describe(IConfiguration configuration, string sectionPath, Type optionsType, InvalidOperationException ex)
    {
        var match = FailedBindingPattern().Match(ex.Message);
        if (!match.Success)
        {
            return $"{sectionPath}: {ex.Message}";
        }

        var path = match.Groups["path"].Value;
        var value = configuration[path];
        var targetType = FindPropertyType(optionsType, sectionPath, path);
        var expected = targetType is null ? $"valid {match.Groups["type"].Value}" : ValueKinds.Describe(targetType);
        return $"{path}: '{value}' is not {expected}";
    }

    // Walks the options class along the key path so the message can describe the property's real type (enums list their names).
    private static Type? FindPropertyType(Type optionsType, string sectionPath, string fullPath)
    {
        if (!fullPath.StartsWith(sectionPath + ":", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = optionsType;
        foreach (var segment in fullPath[(sectionPath.Length + 1)..].Split(':'))
        {
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    [GeneratedRegex("at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex FailedBindingPattern();
}
