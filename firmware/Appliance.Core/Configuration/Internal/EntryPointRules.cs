namespace Appliance.Core.Configuration.Internal;

/// <summary>
/// Entry points: each line, number (DID) and trunk belongs to one, and every menu and calendar they name exists. A call
/// enters by its number first, then its trunk, then its line (<see cref="ConfigurationSnapshot.EntryPointFor"/>).
/// </summary>
internal static class EntryPointRules
{
    public static void Check(IReadOnlyList<EntryPointConfig> entryPoints, ConfigurationIndex index, ConfigurationEnvironment environment, ErrorList errors)
    {
        errors.Unique(entryPoints, e => e.Name, "entryPoints", "entry point");
        CheckClaims(entryPoints, e => e.Lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lines", "line", errors);
        CheckClaims(entryPoints, e => e.Numbers, "numbers", "number", errors);
        CheckClaims(entryPoints, e => e.Trunks, "trunks", "trunk", errors);
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

    // A line, number or trunk leads to one entry point: on two, which one a call enters would be a guess.
    private static void CheckClaims(
        IReadOnlyList<EntryPointConfig> entryPoints, Func<EntryPointConfig, IEnumerable<string>> claims, string field, string what, ErrorList errors)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entryPoints)
        {
            foreach (var claim in claims(entry))
            {
                if (!owners.TryAdd(claim, entry.Name))
                {
                    var first = owners[claim];
                    errors.Add($"entryPoints[{entry.Name}].{field}[{claim}]", first == entry.Name
                        ? $"{what} '{claim}' is listed twice"
                        : $"{what} '{claim}' is on entry points '{first}' and '{entry.Name}'; it may lead to one only");
                }
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
