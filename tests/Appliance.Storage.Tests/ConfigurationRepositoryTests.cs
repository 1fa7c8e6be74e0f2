using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class ConfigurationRepositoryTests : IDisposable
{
    private readonly TestDatabase _files = new();
    private readonly LineRepository _lines;
    private readonly AgentRepository _agents;
    private readonly QueueRepository _queues;
    private readonly MenuRepository _menus;

    public ConfigurationRepositoryTests()
    {
        var database = _files.CreateMigrated();
        _lines = new LineRepository(database);
        _agents = new AgentRepository(database);
        _queues = new QueueRepository(database);
        _menus = new MenuRepository(database);
    }

    public void Dispose() => _files.Dispose();

    private static AgentRecord Alice => new("alice", "Alice Chen", "1001", Simulated: true, SimAnswerAfterMilliseconds: 2000, SimTalkToneHz: 1400);

    private static AgentRecord Bob => new("bob", "Bob Li", "1002");

    private static QueueRecord General(params QueueMemberRecord[] members) =>
        new("general", QueueStrategies.RingAll, 20, 300, 10, 20, members);

    private static MenuRecord MainMenu(params MenuOptionRecord[] options) =>
        new("main", "greeting", "menu", "invalid", "timeout", "goodbye", 5, 3, options);

    [Fact]
    public void Agents_round_trip_and_upsert_replaces()
    {
        _agents.Upsert(Alice);
        _agents.Upsert(Bob);

        Assert.Equal(Alice, _agents.Get("alice"));
        Assert.Equal(Bob, _agents.GetByExtension("1002"));
        Assert.Equal([Alice, Bob], _agents.List());

        var renamed = Bob with { Name = "Robert Li", Enabled = false, Extension = "1003" };
        _agents.Upsert(renamed);
        Assert.Equal(renamed, _agents.Get("bob"));
        Assert.Null(_agents.GetByExtension("1002"));
        Assert.True(_agents.Delete("bob"));
        Assert.False(_agents.Delete("bob"));
        Assert.Null(_agents.Get("bob"));
    }

    [Fact]
    public void A_duplicate_extension_is_a_conflict_naming_the_owner()
    {
        _agents.Upsert(Alice);

        var error = Assert.Throws<StorageException>(() => _agents.Upsert(Bob with { Extension = "1001" }));

        Assert.Equal(StorageFailure.Conflict, error.Failure);
        Assert.Contains("extension 1001 already belongs to agent 'alice'", error.Message, StringComparison.Ordinal);
        Assert.Null(_agents.Get("bob"));
    }

    [Theory]
    [InlineData("", "Name", "1001", "id")]
    [InlineData("has space", "Name", "1001", "id")]
    [InlineData("queue:x", "Name", "1001", "id")]
    [InlineData("carol", "", "1001", "name must not be empty")]
    [InlineData("carol", "Carol", "10a1", "extension '10a1' must be 1-16 digits")]
    [InlineData("carol", "Carol", "", "extension")]
    public void Bad_agent_values_are_refused_and_nothing_is_stored(string id, string name, string extension, string expected)
    {
        var error = Assert.Throws<StorageException>(() => _agents.Upsert(new AgentRecord(id, name, extension)));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(_agents.List());
    }

    [Fact]
    public void Simulated_agent_timings_out_of_range_are_refused()
    {
        var error = Assert.Throws<StorageException>(() => _agents.Upsert(Alice with { SimTalkToneHz = 20_000 }));

        Assert.Contains("simulated talk tone (Hz) is 20000", error.Message, StringComparison.Ordinal);
        Assert.Empty(_agents.List());
    }

    [Fact]
    public void Queues_round_trip_with_members_in_penalty_then_saved_order()
    {
        _agents.Upsert(Alice);
        _agents.Upsert(Bob);
        var queue = General(new QueueMemberRecord("bob"), new QueueMemberRecord("alice", 5));

        _queues.Upsert(queue);

        Assert.Equal(queue, _queues.Get("general"));
        Assert.Equal([queue], _queues.List());

        var changed = queue with { WrapUpSeconds = 30, Members = [new QueueMemberRecord("alice")] };
        _queues.Upsert(changed);
        Assert.Equal(changed, _queues.Get("general"));
    }

    [Fact]
    public void A_queue_member_that_is_not_an_agent_is_refused_and_the_queue_is_left_as_it_was()
    {
        _agents.Upsert(Alice);
        var original = General(new QueueMemberRecord("alice"));
        _queues.Upsert(original);

        var error = Assert.Throws<StorageException>(() =>
            _queues.Upsert(original with { RingTimeoutSeconds = 99, Members = [new QueueMemberRecord("ghost")] }));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains("member agent 'ghost' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(original, _queues.Get("general"));
    }

    [Theory]
    [InlineData("round-robin", 20, "strategy 'round-robin' is not known")]
    [InlineData(QueueStrategies.RingAll, 0, "ring timeout (s) is 0")]
    [InlineData(QueueStrategies.RingAll, 601, "ring timeout (s) is 601")]
    public void Bad_queue_values_are_refused(string strategy, int ringTimeout, string expected)
    {
        var error = Assert.Throws<StorageException>(() =>
            _queues.Upsert(General() with { Strategy = strategy, RingTimeoutSeconds = ringTimeout }));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(_queues.List());
    }

    [Fact]
    public void A_member_listed_twice_is_refused()
    {
        _agents.Upsert(Alice);

        var error = Assert.Throws<StorageException>(() =>
            _queues.Upsert(General(new QueueMemberRecord("alice"), new QueueMemberRecord("alice", 1))));

        Assert.Contains("agent 'alice' is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_an_agent_removes_their_memberships()
    {
        _agents.Upsert(Alice);
        _agents.Upsert(Bob);
        _queues.Upsert(General(new QueueMemberRecord("alice"), new QueueMemberRecord("bob")));

        _agents.Delete("alice");

        Assert.Equal([new QueueMemberRecord("bob")], _queues.Get("general")!.Members);
    }

    [Fact]
    public void Menus_round_trip_with_options_including_a_submenu_and_a_self_reference()
    {
        _queues.Upsert(General());
        var cards = new MenuRecord("cards", "cards-greeting", "cards-menu", "invalid", "timeout", "goodbye", 8, 2,
            [new MenuOptionRecord('0', "queue:general"), new MenuOptionRecord('*', "menu:main")]);
        var main = MainMenu(
            new MenuOptionRecord('1', "queue:general"),
            new MenuOptionRecord('2', "menu:cards"),
            new MenuOptionRecord('9', "menu:main"),
            new MenuOptionRecord('#', "hangup"),
            new MenuOptionRecord('*', "repeat"));

        // Each menu refers to the other: save main without its submenu option first, as an admin would.
        _menus.Upsert(main with { Options = [] });
        _menus.Upsert(cards);
        _menus.Upsert(main);

        var stored = _menus.Get("main");
        Assert.NotNull(stored);
        Assert.Equal(main.Options.OrderBy(o => o.Digit.ToString(), StringComparer.Ordinal), stored.Options);
        Assert.Equal(main with { Options = stored.Options }, stored);
        Assert.Equal(cards with { Options = [new MenuOptionRecord('*', "menu:main"), new MenuOptionRecord('0', "queue:general")] },
            _menus.Get("cards"));
        Assert.Equal(["cards", "main"], _menus.List().Select(m => m.Name));
    }

    [Theory]
    [InlineData('1', "queue:nope", "key 1 sends callers to queue 'nope', which does not exist")]
    [InlineData('2', "menu:nope", "key 2 goes to menu 'nope', which does not exist")]
    [InlineData('3', "dial:911", "action 'dial:911' is not one of")]
    [InlineData('4', "queue:", "queue in action ''")]
    [InlineData('A', "hangup", "is not a phone key")]
    public void Bad_menu_options_are_refused_and_the_menu_is_left_as_it_was(char digit, string action, string expected)
    {
        _queues.Upsert(General());
        var original = MainMenu(new MenuOptionRecord('1', "queue:general"));
        _menus.Upsert(original);

        var error = Assert.Throws<StorageException>(() =>
            _menus.Upsert(original with { MaxAttempts = 7, Options = [new MenuOptionRecord(digit, action)] }));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(original, _menus.Get("main"));
    }

    [Fact]
    public void A_key_with_two_options_is_refused()
    {
        var error = Assert.Throws<StorageException>(() =>
            _menus.Upsert(MainMenu(new MenuOptionRecord('1', "hangup"), new MenuOptionRecord('1', "repeat"))));

        Assert.Contains("key 1 has more than one option", error.Message, StringComparison.Ordinal);
        Assert.Null(_menus.Get("main"));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("greeting.wav")]
    [InlineData("")]
    public void Prompt_names_that_are_not_plain_names_are_refused(string prompt)
    {
        var error = Assert.Throws<StorageException>(() => _menus.Upsert(MainMenu() with { GreetingPrompt = prompt }));

        Assert.Contains("greeting prompt", error.Message, StringComparison.Ordinal);
        Assert.Null(_menus.Get("main"));
    }

    [Fact]
    public void Lines_round_trip_and_must_enter_an_existing_menu()
    {
        _menus.Upsert(MainMenu(new MenuOptionRecord('0', "hangup")));
        var line = new LineRecord(1, "Main number", "main");

        _lines.Upsert(line);
        _lines.Upsert(new LineRecord(2, "Spare", null, Enabled: false));

        Assert.Equal(line, _lines.Get(1));
        Assert.Equal([line, new LineRecord(2, "Spare", null, false)], _lines.List());
        var error = Assert.Throws<StorageException>(() => _lines.Upsert(line with { EntryMenu = "vip" }));
        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains("entry menu 'vip' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, _lines.Get(1));
        Assert.True(_lines.Delete(2));
        Assert.Null(_lines.Get(2));
    }

    [Theory]
    [InlineData(0, "Main", "port is 0")]
    [InlineData(LineRepository.MaxPort + 1, "Main", "port is 257")]
    [InlineData(1, "", "name must not be empty")]
    [InlineData(1, "Main\u0007", "control character U+0007")]
    public void Bad_line_values_are_refused(int port, string name, string expected)
    {
        var error = Assert.Throws<StorageException>(() => _lines.Upsert(new LineRecord(port, name, null)));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(_lines.List());
    }

    [Fact]
    public void Things_still_in_use_cannot_be_deleted()
    {
        _queues.Upsert(General());
        _menus.Upsert(new MenuRecord("cards", "greeting", "menu", "invalid", "timeout", "goodbye", 5, 3, []));
        _menus.Upsert(MainMenu(new MenuOptionRecord('1', "queue:general"), new MenuOptionRecord('2', "menu:cards")));
        _lines.Upsert(new LineRecord(3, "Main number", "main"));

        var queueError = Assert.Throws<StorageException>(() => _queues.Delete("general"));
        var submenuError = Assert.Throws<StorageException>(() => _menus.Delete("cards"));
        var menuError = Assert.Throws<StorageException>(() => _menus.Delete("main"));

        Assert.Equal(StorageFailure.Conflict, queueError.Failure);
        Assert.Contains("menu 'main' key 1 still sends callers to it", queueError.Message, StringComparison.Ordinal);
        Assert.Contains("menu 'main' key 2 still goes to it", submenuError.Message, StringComparison.Ordinal);
        Assert.Contains("entry menu of line 3", menuError.Message, StringComparison.Ordinal);
        Assert.NotNull(_queues.Get("general"));
        Assert.NotNull(_menus.Get("cards"));
        Assert.NotNull(_menus.Get("main"));

        _lines.Delete(3);
        Assert.True(_menus.Delete("main"));
        Assert.True(_menus.Delete("cards"));
        Assert.True(_queues.Delete("general"));
    }
}
