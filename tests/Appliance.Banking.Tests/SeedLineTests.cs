using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Testing;

namespace Appliance.Banking.Tests;

/// <summary>A seed the bank cannot use is refused with the file and the line to edit, before any customer is served.</summary>
public sealed class SeedLineTests : IDisposable
{
    private readonly TestSeed _seed = new();

    public void Dispose() => _seed.Dispose();

    [Fact]
    public void A_bad_field_of_the_second_customer_names_the_line_of_that_field()
    {
        var document = JsonNode.Parse(File.ReadAllText(_seed.SeedFile))!;
        document["customers"]![1]!["cardNumber"] = "1234";
        var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(_seed.SeedFile, text);
        var line = LineOf(text, "\"cardNumber\": \"1234\"");

        var ex = Assert.Throws<InvalidDataException>(() => _seed.CreateBank(new ManualTimeProvider()));

        Assert.StartsWith($"{_seed.SeedFile}:{line}: customers[1].cardNumber: must be 16-19 digits", ex.Message, StringComparison.Ordinal);
        Assert.True(line > 20, $"line {line} should be well into the second customer");
    }

    [Fact]
    public void Broken_JSON_names_the_line_it_breaks_on()
    {
        var text = JsonNode.Parse(File.ReadAllText(_seed.SeedFile))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var broken = text.Replace("\"segment\": \"vip\",", "\"segment\": \"vip\" oops", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        File.WriteAllText(_seed.SeedFile, broken);

        var ex = Assert.Throws<InvalidDataException>(() => _seed.CreateBank(new ManualTimeProvider()));

        Assert.StartsWith($"{_seed.SeedFile}:{LineOf(broken, "oops")}: not a core-bank seed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_its_line_and_path()
    {
        var text = JsonNode.Parse(File.ReadAllText(_seed.SeedFile))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var wrong = text.Replace("\"availableMinor\": 1234550", "\"availableMinor\": \"lots\"", StringComparison.Ordinal);
        Assert.NotEqual(text, wrong);
        File.WriteAllText(_seed.SeedFile, wrong);

        var ex = Assert.Throws<InvalidDataException>(() => _seed.CreateBank(new ManualTimeProvider()));

        Assert.StartsWith($"{_seed.SeedFile}:{LineOf(wrong, "\"lots\"")}: not a core-bank seed at $.customers[0].availableMinor", ex.Message, StringComparison.Ordinal);
    }

    private static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
