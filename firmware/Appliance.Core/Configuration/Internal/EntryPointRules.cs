namespace Appliance.Core.Configuration.Internal;

/// <summary>Entry points: each line, number and trunk belongs to one, and every menu and calendar they name exists.</summary>
internal static class EntryPointRules
{
    public static void Check(IReadOnlyList<EntryPointConfig> entryPoints, ConfigurationIndex index, ConfigurationEnvironment environment, ErrorList errors)
    {
        errors.Unique(entryPoints, e => e.Name, "entryPoints", "entry point");
        errors.Unique(entryPoints.SelectMany(e => e.Lines), l => l.ToString(System.Globalization.CultureInfo.InvariantCulture), "entryPoints.lines", "line");
        errors.Unique(entryPoints.SelectMany(e => e.Numbers), n => n, "entryPoints.numbers", "number");
        errors.Unique(entryPoints.SelectMany(e => e.Trunks), t => t, "entryPoints.trunks", "trunk");
        foreach (var entry in entryPoints)
        {
            var path = $"entryPoints[{entry.Name}]";
            Names.Check(errors, path + ".name", entry.Name, "entry point name");
            foreach (var line in entry.Lines)
            {
                errors.Range($"{path}.lines", line, 1, environment.LineCount ?? 32);
            }

            foreach (var number in entry.Numbers.Where(n => !Names.IsNumber(n)))
            {
                errors.Add(path + ".numbers", $"'{number}' is not a number (digits, optionally after +)");
            }

            foreach (var trunk in entry.Trunks.Where(t => environment.TrunkNames is { } known && !known.Contains(t)))
            {
                errors.Add(path + ".trunks", $"no SIP trunk is called '{trunk}'");
            }

            CheckMenu(path + ".menu", entry.Menu, index, errors, required: true);
            CheckMenu(path + ".afterHoursMenu", entry.AfterHoursMenu, index, errors, required: entry.Calendar is not null);
            if (entry.Calendar is { } calendar && !index.Calendars.ContainsKey(calendar))
            {
                errors.Add(path + ".calendar", $"no calendar is called '{calendar}'");
            }

            if (entry.Language is { } language && !index.Languages.Contains(language))
            {
                errors.Add(path + ".language", $"'{language}' is not one of the branch's languages");
            }
        }
    }

    private static void CheckMenu(string path, string? menu, ConfigurationIndex index, ErrorList errors, bool required)
    {
        if (string.IsNullOrEmpty(menu))
        {
            if (required)
            {
                errors.Add(path, "is missing");
            }
        }
        else if (!index.Menus.ContainsKey(menu))
        {
            errors.Add(path, $"no menu is called '{menu}'");
        }
    }
}
