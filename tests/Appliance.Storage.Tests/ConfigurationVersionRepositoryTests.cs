using Appliance.Storage.Tests.Support;
using Appliance.Storage;

namespace Appliance.Storage.Tests;

public sealed class ConfigurationVersionRepositoryTests : IDisposable
{
    private readonly TestDatabase _files = new();

    [Fact]
    public void Versions_count_up_from_one_and_the_newest_is_in_force()
    {
        var repository = new ConfigurationVersionRepository(Migrated());

        var first = repository.Append("{\"a\":1}", "initial", []);
        var second = repository.Append("{\"a\":2}", "import", []);

        Assert.Equal((1L, 2L), (first, second));
        var latest = repository.Latest()!;
        Assert.Equal(("{\"a\":2}", "import"), (latest.Document, latest.Source));
        Assert.Equal(64, latest.Sha256.Length);
        Assert.Equal("{\"a\":1}", repository.Get(1)!.Document);
    }

    [Fact]
    public void An_empty_or_oversized_document_is_refused_and_nothing_is_stored()
    {
        var repository = new ConfigurationVersionRepository(Migrated());

        var empty = Assert.Throws<StorageException>(() => repository.Append(" ", "import", []));
        var huge = Assert.Throws<StorageException>(() => repository.Append(new string('x', ConfigurationVersionRepository.MaxDocumentLength + 1), "import", []));

        Assert.Equal((StorageFailure.InvalidRecord, StorageFailure.InvalidRecord), (empty.Failure, huge.Failure));
        Assert.Null(repository.Latest());
    }

    [Fact]
    public void Two_agents_may_swap_extensions_in_one_version()
    {
        var database = Migrated();
        var repository = new ConfigurationVersionRepository(database);
        repository.Append("{}", "initial", [new AgentRecord("a", "A", "1001"), new AgentRecord("b", "B", "1002")]);

        repository.Append("{ }", "swap", [new AgentRecord("a", "A", "1002"), new AgentRecord("b", "B", "1001")]);

        var agents = new AgentRepository(database);
        Assert.Equal(("1002", "1001"), (agents.Get("a")!.Extension, agents.Get("b")!.Extension));
    }

    public void Dispose() => _files.Dispose();

    private ApplianceDatabase Migrated()
    {
        var database = _files.Create();
        database.Migrate();
        return database;
    }
}
