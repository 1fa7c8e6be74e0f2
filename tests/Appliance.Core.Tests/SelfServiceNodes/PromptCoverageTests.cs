using System.Reflection;
using System.Text.Json.Serialization;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Ivr.Internal;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>
/// Every prompt a node plays by default, and every word amounts, dates and references are composed from, has a
/// recording in each built-in language under the repository's prompts/ (made by tools/prompts/generate-prompts.sh).
/// </summary>
public sealed class PromptCoverageTests
{
    private static readonly string[] Languages = ["en", "zh"];

    [Fact]
    public void Every_default_prompt_of_every_node_has_a_recording_in_each_language()
    {
        var names = NodeDefaultPrompts().ToList();
        Assert.Contains("ss-enter-bill", names); // the walk sees the nodes (and their prompt properties)
        Assert.Contains("ss-card-loss-confirm", names);

        Assert.Empty(Languages.SelectMany(language => Missing(language, names)));
    }

    [Fact]
    public void Every_word_an_amount_a_date_or_a_reference_is_said_with_has_a_recording()
    {
        foreach (var language in Languages)
        {
            var words = ComposedWords(language);
            Assert.Contains(language == "zh" ? "num-wan" : "num-million", words);
            Assert.Empty(Missing(language, words));
        }
    }

    [Fact]
    public void The_walk_fails_for_a_missing_prompt()
    {
        Assert.Equal(["en/ss-not-recorded"], Missing("en", ["ss-balance-is", "ss-not-recorded"]));
    }

    // Each node kind the menu document knows (FlowNode's derived types), made with its defaults; every string property
    // named *Prompt that holds a name.
    private static IEnumerable<string> NodeDefaultPrompts() =>
        typeof(FlowNode).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Select(a => (FlowNode)Activator.CreateInstance(a.DerivedType)!)
            .SelectMany(node => node.GetType().GetProperties()
                .Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Prompt", StringComparison.Ordinal))
                .Select(p => (string?)p.GetValue(node)))
            .OfType<string>()
            .Where(name => name.Length > 0)
            .Distinct();

    // Amounts of every shape the box can say in both currencies (each digit in each place, signs, the extremes), every
    // day of a leap year, and the reference digits a card block reads back.
    private static HashSet<string> ComposedWords(string language)
    {
        var prompts = new List<string>();
        var amounts = Enumerable.Range(0, 20_000).Select(n => (long)n).ToList();
        for (long place = 1; place <= MoneyWords.MaxMajor * 100; place *= 10)
        {
            amounts.AddRange(Enumerable.Range(1, 9).SelectMany(d => new[] { d * place, d * place + 1, d * place + 12 }));
        }

        amounts.Add(MoneyWords.MaxMajor * 100 + 99);
        foreach (var currency in new[] { "CNY", "USD" })
        {
            foreach (var amount in amounts.Where(a => MoneyWords.CanSay(a, currency)))
            {
                MoneyWords.Say(language, amount, currency, prompts);
                MoneyWords.Say(language, -amount, currency, prompts);
            }
        }

        for (var day = new DateOnly(2028, 1, 1); day.Year == 2028; day = day.AddDays(1))
        {
            DateWords.Say(language, day, prompts);
        }

        prompts.AddRange(Enumerable.Range(0, 10).Select(d => "num-" + d));
        return [.. prompts];
    }

    private static List<string> Missing(string language, IEnumerable<string> names) =>
        [.. names.Where(name => !File.Exists(Path.Combine(PromptsDirectory, language, name + ".wav"))).Select(name => language + "/" + name).Order(StringComparer.Ordinal)];

    private static string PromptsDirectory { get; } = FindPrompts();

    private static string FindPrompts()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Appliance.sln not found above " + AppContext.BaseDirectory), "prompts");
    }
}
