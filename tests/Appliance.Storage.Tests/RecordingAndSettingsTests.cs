using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class RecordingAndSettingsTests : IDisposable
{
    private readonly TestDatabase _files = new();
    private readonly RecordingRepository _recordings;
    private readonly SettingsRepository _settings;

    public RecordingAndSettingsTests()
    {
        var database = _files.CreateMigrated();
        _recordings = new RecordingRepository(database);
        _settings = new SettingsRepository(database);
    }

    public void Dispose() => _files.Dispose();

    private RecordingRecord Recording(string id, string? callId, int minutes) =>
        new(id, callId, $"/data/recordings/{id}.wav", _files.Time.GetUtcNow().AddMinutes(minutes), 95_000, 2, 8000, 1_520_044);

    [Fact]
    public void Recordings_round_trip_list_by_call_and_range_and_delete()
    {
        var a = Recording("rec-a", "call-1", 0);
        var b = Recording("rec-b", "call-1", 5);
        var c = Recording("rec-c", null, 10) with { Channels = 1 };
        _recordings.Insert(c);
        _recordings.Insert(b);
        _recordings.Insert(a);

        Assert.Equal(c, _recordings.Get("rec-c"));
        Assert.Equal([a, b], _recordings.ListByCall("call-1"));
        var start = _files.Time.GetUtcNow();
        Assert.Equal([b, c], _recordings.List(start.AddMinutes(1), start.AddMinutes(11)));
        Assert.True(_recordings.Delete("rec-b"));
        Assert.False(_recordings.Delete("rec-b"));
        Assert.Equal([a], _recordings.ListByCall("call-1"));
    }

    [Fact]
    public void A_three_channel_recording_of_what_each_party_heard_is_listed_with_the_call()
    {
        var call = Recording("call-1", "call-1", 0);
        var heard = Recording("call-1.sup-000001", "call-1", 1) with { Channels = 3 };
        _recordings.Insert(call);
        _recordings.Insert(heard);

        Assert.Equal([call, heard], _recordings.ListByCall("call-1"));
    }

    [Fact]
    public void Duplicate_recording_ids_or_files_are_conflicts()
    {
        _recordings.Insert(Recording("rec-a", "call-1", 0));

        var sameId = Assert.Throws<StorageException>(() => _recordings.Insert(Recording("rec-a", "call-2", 1) with { Path = "/x.wav" }));
        var sameFile = Assert.Throws<StorageException>(() => _recordings.Insert(Recording("rec-b", "call-2", 1) with { Path = "/data/recordings/rec-a.wav" }));

        Assert.Equal(StorageFailure.Conflict, sameId.Failure);
        Assert.Equal(StorageFailure.Conflict, sameFile.Failure);
        Assert.Contains("/data/recordings/rec-a.wav", sameFile.Message, StringComparison.Ordinal);
        Assert.Null(_recordings.Get("rec-b"));
    }

    [Theory]
    [InlineData(4, 8000, "channels is 4")]
    [InlineData(0, 8000, "channels is 0")]
    [InlineData(2, 100, "sample rate is 100")]
    public void Bad_recording_values_are_refused(int channels, int sampleRate, string expected)
    {
        var error = Assert.Throws<StorageException>(() =>
            _recordings.Insert(Recording("rec-a", "call-1", 0) with { Channels = channels, SampleRate = sampleRate }));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Null(_recordings.Get("rec-a"));
    }

    [Fact]
    public void Settings_round_trip_with_the_time_of_the_last_change()
    {
        _settings.Set("branch:name", "Harbour Road");
        var firstSet = _files.Time.GetUtcNow();
        _files.Time.Advance(TimeSpan.FromMinutes(5));
        _settings.Set("kpi.short-abandon-s", "5");
        _settings.Set("branch:name", "Harbour Road Branch");

        Assert.Equal("Harbour Road Branch", _settings.Get("branch:name"));
        Assert.Equal(firstSet.AddMinutes(5), _settings.GetUpdatedAt("branch:name"));
        Assert.Equal(
            new Dictionary<string, string> { ["branch:name"] = "Harbour Road Branch", ["kpi.short-abandon-s"] = "5" },
            _settings.List());
        Assert.True(_settings.Remove("branch:name"));
        Assert.Null(_settings.Get("branch:name"));
        Assert.Null(_settings.GetUpdatedAt("branch:name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData(":leading-colon")]
    public void Bad_setting_keys_are_refused(string key)
    {
        var error = Assert.Throws<StorageException>(() => _settings.Set(key, "value"));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Empty(_settings.List());
    }
}
