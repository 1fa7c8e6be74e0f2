using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Configuration.Internal;

/// <summary>The settings of each kind of node.</summary>
internal static class NodeRules
{
    private static readonly string[] Subjects = ["caller", "vip", "language", "time", "calendar", "variable"];

    public static void Check(FlowNode node, string at, ConfigurationIndex index, ErrorList errors)
    {
        switch (node)
        {
            case MenuNode menu:
                CheckKeys(menu.Keys.Select(k => k.Key), at, errors);
                errors.Range(at + ".timeoutSeconds", menu.TimeoutSeconds, 1, 60);
                errors.Range(at + ".retries", menu.Retries, 1, 10);
                break;
            case CollectNode collect:
                Names.Check(errors, at + ".variable", collect.Variable, "variable");
                errors.Range(at + ".minDigits", collect.MinDigits, 1, 64);
                errors.Range(at + ".maxDigits", collect.MaxDigits, collect.MinDigits, 64);
                errors.Range(at + ".timeoutSeconds", collect.TimeoutSeconds, 1, 60);
                errors.Range(at + ".retries", collect.Retries, 1, 10);
                if (collect.Terminator is not null and not "#" and not "*")
                {
                    errors.Add(at + ".terminator", $"'{collect.Terminator}' must be # or * (or left out)");
                }

                break;
            case LanguageNode language:
                CheckKeys(language.Keys.Select(k => k.Key), at, errors);
                errors.Range(at + ".timeoutSeconds", language.TimeoutSeconds, 1, 60);
                foreach (var key in language.Keys.Where(k => !index.Languages.Contains(k.Language)))
                {
                    errors.Add($"{at}.keys[{key.Key}]", $"'{key.Language}' is not one of the branch's languages");
                }

                break;
            case SetNode set:
                Names.Check(errors, at + ".variable", set.Variable, "variable");
                break;
            case ConditionNode condition:
                CheckRules(condition, at, index, errors);
                break;
            case QueueNode queue:
                if (!index.Queues.ContainsKey(queue.Queue))
                {
                    errors.Add(at + ".queue", $"no queue is called '{queue.Queue}'");
                }

                errors.Range(at + ".priority", queue.Priority, 0, 10);
                break;
            case BankNode bank:
                SelfServiceRules.Check(bank, at, errors);
                break;
            case GotoNode go when !index.Menus.ContainsKey(go.Menu):
                errors.Add(at + ".menu", $"no menu is called '{go.Menu}'");
                break;
        }
    }

    private static void CheckKeys(IEnumerable<string> keys, string at, ErrorList errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!Names.IsKey(key))
            {
                errors.Add($"{at}.keys[{key}]", $"'{key}' is not a key (0-9, *, #)");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{at}.keys[{key}]", $"key '{key}' is mapped twice");
            }
        }
    }

    private static void CheckRules(ConditionNode condition, string at, ConfigurationIndex index, ErrorList errors)
    {
        for (var i = 0; i < condition.Rules.Count; i++)
        {
            var rule = condition.Rules[i];
            var path = $"{at}.rules[{i + 1}]";
            switch (rule.Subject)
            {
                case "caller" when rule.Value is not { Length: > 0 and <= 20 } || !rule.Value.All(char.IsAsciiDigit):
                    errors.Add(path + ".value", "a caller rule needs the number's first digits");
                    break;
                case "language" when rule.Value is null || !index.Languages.Contains(rule.Value):
                    errors.Add(path + ".value", $"'{rule.Value}' is not one of the branch's languages");
                    break;
                case "time" when !ClockTime.TryParseRange(rule.Value, out _, out _):
                    errors.Add(path + ".value", $"'{rule.Value}' is not a time range (HH:mm-HH:mm, start before end)");
                    break;
                case "calendar" when rule.Name is null || !index.Calendars.ContainsKey(rule.Name):
                    errors.Add(path + ".name", $"no calendar is called '{rule.Name}'");
                    break;
                case "variable" when !Names.IsName(rule.Name):
                    errors.Add(path + ".name", "a variable rule needs the variable's name");
                    break;
                case var subject when !Subjects.Contains(subject):
                    errors.Add(path + ".subject", $"'{subject}' is not one of {string.Join(", ", Subjects)}");
                    break;
            }
        }
    }
}
