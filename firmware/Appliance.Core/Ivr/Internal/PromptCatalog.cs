using System.Text.RegularExpressions;
using Appliance.Core.Configuration.Internal;

namespace Appliance.Core.Ivr.Internal;

/// <summary>Lists the prompt folders: languages are subfolders, prompts the WAV files in them.</summary>
internal static partial class PromptCatalog
{
    public static bool IsLanguage(string? value) => value is not null && LanguagePattern().IsMatch(value);

    public static IReadOnlyList<PromptInfo> List(PromptLibrary library)
    {
        var found = new SortedDictionary<(string Language, string Name), string>();
        foreach (var root in (ReadOnlySpan<string>)[library.Root, library.AddedRoot])
        {
            foreach (var (language, name, path) in Files(root))
            {
                found[(language, name)] = path; // the added root comes second and wins, as in PromptLibrary.PathOf
            }
        }

        return [.. found.Select(f => Describe(library, f.Key.Language, f.Key.Name, f.Value))];
    }

    public static PromptInfo Describe(PromptLibrary library, string language, string name, string path)
    {
        var added = path.StartsWith(library.AddedRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var overrides = added && File.Exists(Path.Combine(library.Root, language, name + ".wav"));
        return new PromptInfo(language, name, added ? PromptInfo.Added : PromptInfo.BuiltIn, overrides, path);
    }

    private static IEnumerable<(string Language, string Name, string Path)> Files(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            yield break;
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(root))
        {
            var language = Path.GetFileName(folder);
            if (!IsLanguage(language))
            {
                continue;
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.wav"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (Names.IsPromptName(name))
                {
                    yield return (language, name, file);
                }
            }
        }
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();
}
