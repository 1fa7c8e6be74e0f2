using System.Net;
using System.Text.Json;
using Appliance.Core.Quality;
using Appliance.Host.Cli;
using Appliance.Host.Composition;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;
using Appliance.Host.Tests.Tickets;
using Appliance.Storage;
using Appliance.Storage.Quality;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Wire = Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Host.Tests.Quality;

/// <summary>/v1/qa and <c>appliance qa</c> against the running appliance: sample, list, score, show, and refusals that store nothing.</summary>
public sealed class QaApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory _data = new();
    private readonly ManualTimeProvider _time = new(Monday.AddDays(8));
    private ApplianceDatabase _database = null!;
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync()
    {
        _database = new ApplianceDatabase(_data.File("qa.db"), NullLogger<ApplianceDatabase>.Instance, _time);
        _database.Migrate();
        var calls = new CallRecordRepository(_database);
        for (var i = 0; i < 20; i++)
        {
            var start = Monday.AddHours(9 + i);
            calls.Insert(new CallRecord($"c{i:D2}", 1, "analog", null, null, start, start, start.AddMinutes(2), "main", "general", i % 2 == 0 ? "1001" : "1002",
                "answered-by-agent", 1_000, 100_000, "local", $"rec-{i:D2}"));
        }

        _appliance = await InProcessAppliance.StartAsync(_data, services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton(_database);
            services.AddQuality();
            services.Configure<QualityOptions>(o =>
            {
                o.AutoSample = false; // these tests draw by hand; QaSamplingHostTests covers the schedule
                o.SamplePercent = 20;
                o.Scorecards.Add(new ScorecardOptions
                {
                    Name = "service",
                    Sections =
                    [
                        new ScorecardSectionOptions
                        {
                            Name = "All",
                            Questions = [new ScorecardQuestionOptions { Id = "verified", Fatal = true }, new ScorecardQuestionOptions { Id = "courtesy", Max = 5, Weight = 3 }],
                        },
                    ],
                });
            });
        });
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _database.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Qa_verbs_sample_list_score_and_show_and_the_score_enters_the_outbox()
    {
        var sampled = await CliRun.InvokeAsync(["qa", "sample", "--data", _data.Path]);
        Assert.Equal(ExitCodes.Ok, sampled.ExitCode);
        var sample = Parse(sampled.Output);
        Assert.Equal(("2026-01-05", true, 4), (sample.GetProperty("week").GetString(), sample.GetProperty("drawnNow").GetBoolean(), sample.GetProperty("samples").GetArrayLength()));
        var again = Parse((await CliRun.InvokeAsync(["qa", "sample", "--data", _data.Path, "--week", "2026-01-07"])).Output);
        Assert.False(again.GetProperty("drawnNow").GetBoolean());
        Assert.Equal(sample.GetProperty("samples").ToString(), again.GetProperty("samples").ToString());
        var call = sample.GetProperty("samples")[0].GetProperty("callId").GetString()!;

        var scored = await CliRun.InvokeAsync(["qa", "score", call, "--data", _data.Path, "--scorecard", "service", "--reviewer", "qa-lead", "--answer", "verified=1", "--answer", "courtesy=4"]);
        Assert.Equal(ExitCodes.Ok, scored.ExitCode);
        Assert.Equal(85.0, Parse(scored.Output).GetProperty("total").GetDouble()); // (1·1 + 3·4/5) / 4 = 3.4 / 4

        var listed = Parse((await CliRun.InvokeAsync(["qa", "list", "--data", _data.Path])).Output);
        Assert.True(listed.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("callId").GetString() == call).GetProperty("scored").GetBoolean());
        var shown = Parse((await CliRun.InvokeAsync(["qa", "show", call, "--data", _data.Path])).Output);
        Assert.Equal("qa-lead", shown.GetProperty("scores")[0].GetProperty("reviewer").GetString());

        var entry = Assert.Single(new OutboxRepository(_database).ReadOldest(10));
        Assert.Equal(OutboxKinds.QaScore, entry.Kind);
        var wire = Wire.QaScoreRecord.Parser.ParseFrom(entry.Payload);
        Assert.Equal((call, "service", 85.0, false, 2), (wire.CallId, wire.Scorecard, wire.Total, wire.Fatal, wire.Answers.Count));
    }

    [Theory]
    [InlineData("{\"call\": \"c01\", \"scorecard\": \"service\", \"reviewer\": \"r\", \"answers\": {\"verified\": 1, \"courtesy\": 9}}", HttpStatusCode.BadRequest, "question 'courtesy' takes 0 to 5, not 9")]
    [InlineData("{\"call\": \"nope\", \"scorecard\": \"service\", \"reviewer\": \"r\", \"answers\": {\"verified\": 1, \"courtesy\": 3}}", HttpStatusCode.NotFound, "no call has id 'nope'")]
    [InlineData("{\"call\": \"c01\", \"scorecard\": \"sales\", \"reviewer\": \"r\", \"answers\": {\"verified\": 1, \"courtesy\": 3}}", HttpStatusCode.NotFound, "no scorecard is called 'sales'")]
    [InlineData("{\"call\": \"c01\", \"scorecard\": \"service\", \"reviewer\": \"r\", \"answers\": {\"verified\": \"yes\"}}", HttpStatusCode.BadRequest, "not a valid QA request")]
    public async Task A_bad_score_over_http_gets_a_clear_error_and_stores_nothing(string body, HttpStatusCode expected, string message)
    {
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var response = await client.PostAsync("v1/qa/scores", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(new QaRepository(_database).ScoresOf("c01"));
        Assert.Empty(new OutboxRepository(_database).ReadOldest(10));
    }

    [Fact]
    public async Task A_bad_week_or_a_week_not_over_is_refused()
    {
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var bad = await client.GetAsync("v1/qa/list?week=last-week");
        var current = await Assert.ThrowsAsync<ControlRequestException>(() => _appliance.Client.SampleQaAsync("2026-01-13"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("week: 'last-week' is not a date yyyy-MM-dd", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, current.StatusCode);
        Assert.Contains("is not over yet", current.Message, StringComparison.Ordinal);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
