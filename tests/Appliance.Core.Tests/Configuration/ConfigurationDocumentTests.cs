using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Tests.Configuration;

public sealed class ConfigurationDocumentTests
{
    [Fact]
    public void Export_import_export_gives_the_same_bytes()
    {
        var first = ConfigurationDocument.Write(SampleConfiguration.Branch());

        var parsed = ConfigurationDocument.Parse(first);

        Assert.Empty(parsed.Errors);
        Assert.Equal(first, ConfigurationDocument.Write(parsed.Configuration!));
    }

    [Fact]
    public void A_hand_edited_document_reads_back_with_the_edit_and_writes_canonically()
    {
        var exported = ConfigurationDocument.Write(SampleConfiguration.Branch());
        var edited = exported.Replace("\"ringTimeoutSeconds\": 15", "\"ringTimeoutSeconds\": 25", StringComparison.Ordinal);
        Assert.NotEqual(exported, edited);

        var parsed = ConfigurationDocument.Parse(edited);

        Assert.Empty(parsed.Errors);
        Assert.All(parsed.Configuration!.Queues, q => Assert.Equal(25, q.RingTimeoutSeconds));
        Assert.Equal(edited, ConfigurationDocument.Write(parsed.Configuration));
    }

    [Fact]
    public void Nodes_are_written_with_their_type_and_read_back_as_that_kind()
    {
        var json = ConfigurationDocument.Write(SampleConfiguration.Branch());

        Assert.Contains("\"type\": \"collect\"", json, StringComparison.Ordinal);
        var main = ConfigurationDocument.Parse(json).Configuration!.Menus.Single(m => m.Name == "main");
        var collect = Assert.IsType<CollectNode>(main.Nodes.Single(n => n.Id == "card-number"));
        Assert.True(collect.Sensitive);
        Assert.Equal(16, collect.MinDigits);
    }

    [Fact]
    public void The_type_may_come_after_the_other_properties()
    {
        var json = """{ "menus": [ { "name": "m", "start": "q", "nodes": [ { "id": "q", "queue": "general", "type": "queue" } ] } ] }""";

        var parsed = ConfigurationDocument.Parse(json);

        Assert.Empty(parsed.Errors);
        Assert.IsType<QueueNode>(parsed.Configuration!.Menus[0].Nodes[0]);
    }

    [Theory]
    [InlineData("""{ "queues": [ { "name": "general", "strategey": "ring-all" } ] }""", "strategey", "$.queues[0]")]
    [InlineData("""{ "menus": [ { "name": "m", "start": "a", "nodes": [ { "id": "a", "type": "teleport" } ] } ] }""", "teleport", "$.menus[0].nodes[0]")]
    [InlineData("""{ "queues": [ { "name": "a", "name": "b" } ] }""", "name", "$.queues[0]")]
    [InlineData("""{ "queues": [ { "name": "general", "maxLength": "many" } ] }""", "Int32", "$.queues[0].maxLength")]
    [InlineData("""{ "branch": { "timeZone": null } }""", "timeZone", "$.branch")]
    public void A_document_of_the_wrong_shape_is_refused_naming_the_place(string json, string named, string path)
    {
        var parsed = ConfigurationDocument.Parse(json);

        Assert.Null(parsed.Configuration);
        var error = Assert.Single(parsed.Errors);
        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains(named, error.Path + " " + error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_line()
    {
        var parsed = ConfigurationDocument.Parse("{\n  \"queues\": [\n    { \"name\": \"general\" \n  ]\n}");

        var error = Assert.Single(parsed.Errors);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }
}
