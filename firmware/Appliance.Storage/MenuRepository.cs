using System.Globalization;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The voice menus with their options.</summary>
public sealed class MenuRepository(ApplianceDatabase database)
{
    private const string Select =
        "SELECT name, greeting_prompt, menu_prompt, invalid_prompt, timeout_prompt, goodbye_prompt, digit_timeout_s, max_attempts FROM ivr_menus";

    private const string SelectOptions = "SELECT menu, digit, action FROM ivr_menu_options";
    private const string ValidDigits = "0123456789*#";

    /// <summary>Every menu with its options, by name.</summary>
    public IReadOnlyList<MenuRecord> List() =>
        database.Read("Listing menus", connection =>
        {
            using var options = connection.Command(SelectOptions + " ORDER BY menu, digit;");
            var byMenu = options.ReadAll(reader => (Menu: reader.GetString(0), Option: MapOption(reader)))
                .ToLookup(row => row.Menu, row => row.Option, StringComparer.Ordinal);
            using var menus = connection.Command(Select + " ORDER BY name;");
            return menus.ReadAll(reader => Map(reader, [.. byMenu[reader.GetString(0)]]));
        });

    /// <summary>The menu named <paramref name="name"/> with its options, or null.</summary>
    public MenuRecord? Get(string name) =>
        database.Read("Reading a menu", connection =>
        {
            using var options = connection.Command(SelectOptions + " WHERE menu = $name ORDER BY digit;").With("$name", name);
            var list = options.ReadAll(MapOption);
            using var command = connection.Command(Select + " WHERE name = $name;").With("$name", name);
            return command.ReadAll(reader => Map(reader, list)).SingleOrDefault();
        });

    /// <summary>Creates or replaces the menu and replaces its options, in one transaction.</summary>
    /// <exception cref="StorageException">
    /// <see cref="StorageFailure.InvalidRecord"/>: a bad value, a repeated key, a bad action or one naming a queue or menu that does not exist.
    /// </exception>
    public void Upsert(MenuRecord menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var subject = $"menu '{menu.Name}'";
        var targets = Validate(menu, subject);

        database.Write($"Saving {subject}", (connection, transaction) =>
        {
            foreach (var (digit, queue, target) in targets)
            {
                if (queue is not null
                    && !connection.Exists(transaction, "SELECT 1 FROM queues WHERE name = $name;", "$name", queue))
                {
                    throw RecordRules.Invalid(subject, $"key {digit} sends callers to queue '{queue}', which does not exist");
                }

                if (target is not null && target != menu.Name
                    && !connection.Exists(transaction, "SELECT 1 FROM ivr_menus WHERE name = $name;", "$name", target))
                {
                    throw RecordRules.Invalid(subject, $"key {digit} goes to menu '{target}', which does not exist");
                }
            }

            using (var command = connection.Command(
                """
                INSERT INTO ivr_menus (name, greeting_prompt, menu_prompt, invalid_prompt, timeout_prompt, goodbye_prompt,
                    digit_timeout_s, max_attempts)
                VALUES ($name, $greeting, $menu, $invalid, $timeout, $goodbye, $digitTimeout, $attempts)
                ON CONFLICT (name) DO UPDATE SET greeting_prompt = excluded.greeting_prompt, menu_prompt = excluded.menu_prompt,
                    invalid_prompt = excluded.invalid_prompt, timeout_prompt = excluded.timeout_prompt,
                    goodbye_prompt = excluded.goodbye_prompt, digit_timeout_s = excluded.digit_timeout_s,
                    max_attempts = excluded.max_attempts;
                """,
                transaction))
            {
                command.With("$name", menu.Name).With("$greeting", menu.GreetingPrompt).With("$menu", menu.MenuPrompt)
                    .With("$invalid", menu.InvalidPrompt).With("$timeout", menu.TimeoutPrompt).With("$goodbye", menu.GoodbyePrompt)
                    .With("$digitTimeout", menu.DigitTimeoutSeconds).With("$attempts", menu.MaxAttempts);
                command.ExecuteNonQuery();
            }

            using (var clear = connection.Command("DELETE FROM ivr_menu_options WHERE menu = $name;", transaction))
            {
                clear.With("$name", menu.Name).ExecuteNonQuery();
            }

            using var insert = connection.Command(
                "INSERT INTO ivr_menu_options (menu, digit, action) VALUES ($menu, $digit, $action);", transaction);
            var digitParameter = insert.With("$menu", menu.Name).Parameters.AddWithValue("$digit", string.Empty);
            var actionParameter = insert.Parameters.AddWithValue("$action", string.Empty);
            foreach (var option in menu.Options)
            {
                digitParameter.Value = option.Digit.ToString();
                actionParameter.Value = option.Action;
                insert.ExecuteNonQuery();
            }

            return menu.Options.Count;
        });
    }

    /// <summary>Removes the menu and its options; returns whether there was one.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.Conflict"/>: a line enters it or another menu's option goes to it.</exception>
    public bool Delete(string name) =>
        database.Write("Deleting a menu", (connection, transaction) =>
        {
            var subject = $"menu '{name}'";
            using (var lines = connection.Command("SELECT port FROM lines WHERE entry_menu = $name ORDER BY port LIMIT 1;", transaction))
            {
                if (lines.With("$name", name).ExecuteScalar() is long port)
                {
                    throw RecordRules.Conflict(subject, string.Create(CultureInfo.InvariantCulture,
                        $"it is the entry menu of line {port}; route the line elsewhere first"));
                }
            }

            using (var users = connection.Command(
                "SELECT menu, digit FROM ivr_menu_options WHERE action = 'menu:' || $name AND menu <> $name ORDER BY menu, digit LIMIT 1;",
                transaction))
            {
                using var reader = users.With("$name", name).ExecuteReader();
                if (reader.Read())
                {
                    throw RecordRules.Conflict(subject,
                        $"menu '{reader.GetString(0)}' key {reader.GetString(1)} still goes to it; change that option first");
                }
            }

            using var command = connection.Command("DELETE FROM ivr_menus WHERE name = $name;", transaction).With("$name", name);
            return command.ExecuteNonQuery() > 0;
        });

    private static List<(char Digit, string? Queue, string? Menu)> Validate(MenuRecord menu, string subject)
    {
        RecordRules.Identifier(menu.Name, subject, "name");
        RecordRules.PromptName(menu.GreetingPrompt, subject, "greeting prompt");
        RecordRules.PromptName(menu.MenuPrompt, subject, "menu prompt");
        RecordRules.PromptName(menu.InvalidPrompt, subject, "invalid-choice prompt");
        RecordRules.PromptName(menu.TimeoutPrompt, subject, "timeout prompt");
        RecordRules.PromptName(menu.GoodbyePrompt, subject, "goodbye prompt");
        RecordRules.Range(menu.DigitTimeoutSeconds, 1, 60, subject, "digit timeout (s)");
        RecordRules.Range(menu.MaxAttempts, 1, 10, subject, "maximum attempts");
        if (menu.Options is null)
        {
            throw RecordRules.Invalid(subject, "options must be a list (empty for none)");
        }

        var targets = new List<(char, string?, string?)>(menu.Options.Count);
        var seen = new HashSet<char>();
        foreach (var option in menu.Options)
        {
            if (option is null)
            {
                throw RecordRules.Invalid(subject, "the option list contains an empty entry");
            }

            if (!ValidDigits.Contains(option.Digit, StringComparison.Ordinal))
            {
                throw RecordRules.Invalid(subject, string.Create(CultureInfo.InvariantCulture,
                    $"key U+{(int)option.Digit:X4} ('{option.Digit}') is not a phone key (0-9, *, #)"));
            }

            if (!seen.Add(option.Digit))
            {
                throw RecordRules.Invalid(subject, $"key {option.Digit} has more than one option");
            }

            var (queue, target) = MenuActionText.Parse(option.Action, $"{subject} key {option.Digit}");
            targets.Add((option.Digit, queue, target));
        }

        return targets;
    }

    private static MenuOptionRecord MapOption(SqliteDataReader reader) => new(reader.GetString(1)[0], reader.GetString(2));

    private static MenuRecord Map(SqliteDataReader reader, IReadOnlyList<MenuOptionRecord> options) =>
        new(reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetInt32(6),
            reader.GetInt32(7),
            options);
}
