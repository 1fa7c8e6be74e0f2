using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Quality;

/// <summary>Checks the sample percent and every scorecard, naming the scorecard, section and question that is wrong.</summary>
public sealed partial class QualityOptionsValidator : IValidateOptions<QualityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SamplePercent is < 1 or > 100)
        {
            failures.Add($"Quality:SamplePercent: {options.SamplePercent} must be between 1 and 100");
        }

        if (options.AutoSampleDelayMinutes is < 0 or > 1440)
        {
            failures.Add($"Quality:AutoSampleDelayMinutes: {options.AutoSampleDelayMinutes} must be between 0 and 1440 (a day)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var card in options.Scorecards ?? [])
        {
            var at = $"Quality:Scorecards[{card.Name}]";
            if (!Identifier().IsMatch(card.Name ?? ""))
            {
                failures.Add($"{at}:Name: '{card.Name}' must be 1-64 letters, digits, '.', '_' or '-'");
            }
            else if (!names.Add(card.Name!))
            {
                failures.Add($"{at}: the scorecard name appears more than once");
            }

            CheckSections(card, at, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSections(ScorecardOptions card, string at, List<string> failures)
    {
        if (card.Sections is not { Count: > 0 } || card.Sections.Any(s => s.Questions is not { Count: > 0 }))
        {
            failures.Add($"{at}:Sections: a scorecard needs at least one section, and every section at least one question");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in card.Sections ?? [])
        {
            foreach (var question in section.Questions ?? [])
            {
                var where = $"{at}:Sections[{section.Name}]:Questions[{question.Id}]";
                if (!Identifier().IsMatch(question.Id ?? ""))
                {
                    failures.Add($"{where}:Id: '{question.Id}' must be 1-64 letters, digits, '.', '_' or '-'");
                }
                else if (!ids.Add(question.Id!))
                {
                    failures.Add($"{where}: the question id appears more than once in the scorecard");
                }

                if (question.Weight is < 1 or > 100)
                {
                    failures.Add($"{where}:Weight: {question.Weight} must be between 1 and 100");
                }

                if (question.Max is < 1 or > 10)
                {
                    failures.Add($"{where}:Max: {question.Max} must be between 1 and 10");
                }

                if (question.Fatal && question.Max != 1)
                {
                    failures.Add($"{where}:Fatal: a fatal question is yes/no, so its Max must be 1, not {question.Max}");
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
