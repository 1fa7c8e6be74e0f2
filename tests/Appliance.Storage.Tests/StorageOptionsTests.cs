using System.ComponentModel.DataAnnotations;

namespace Appliance.Storage.Tests;

public sealed class StorageOptionsTests
{
    private static List<ValidationResult> Validate(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_are_valid()
    {
        var options = new StorageOptions();

        Assert.Empty(Validate(options));
        Assert.Equal("appliance.db", options.DatabaseFile);
        Assert.Equal(5000, options.BusyTimeoutMilliseconds);
        Assert.Equal("Storage", StorageOptions.SectionName);
    }

    [Theory]
    [InlineData("", "DatabaseFile")]
    [InlineData(":memory:", "DatabaseFile")]
    [InlineData("file:appliance.db?mode=memory", "DatabaseFile")]
    [InlineData("data/", "DatabaseFile")]
    public void Bad_database_files_name_the_setting(string file, string member)
    {
        var results = Validate(new StorageOptions { DatabaseFile = file });

        var result = Assert.Single(results);
        Assert.Contains(member, result.MemberNames);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(600_001)]
    public void A_busy_timeout_out_of_range_names_the_setting(int milliseconds)
    {
        var result = Assert.Single(Validate(new StorageOptions { BusyTimeoutMilliseconds = milliseconds }));

        Assert.Contains(nameof(StorageOptions.BusyTimeoutMilliseconds), result.MemberNames);
        Assert.Contains("between 0 and 600000", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_path_is_resolved_against_the_data_directory_unless_absolute()
    {
        Assert.Equal(Path.GetFullPath("/var/lib/appliance/appliance.db"),
            new StorageOptions().ResolveDatabasePath("/var/lib/appliance"));
        Assert.Equal("/srv/db/branch.db", new StorageOptions { DatabaseFile = "/srv/db/branch.db" }.ResolveDatabasePath("/var/lib/appliance"));
    }
}
