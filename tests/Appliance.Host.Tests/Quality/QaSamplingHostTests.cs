using System.Text.Json;
using System.Threading.Channels;
using Appliance.Core.Quality;
using Appliance.Host.Cli;
using Appliance.Host.Composition;
using Appliance.Host.Tests.Support;
using Appliance.Storage;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Quality;

/// <summary>
/// The running appliance draws the week's review list by itself (the hosted schedule AddQuality registers), stops it
/// with the host, and after a restart the same week draws nothing new.
/// </summary>
public sealed class QaSamplingHostTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory _data = new();
    private readonly ManualTimeProvider _time = new(Monday.AddDays(8)); // the Tuesday after: the week is due
    private readonly Channel<(DateTimeOffset Week, bool DrawnNow)> _checks = Channel.CreateUnbounded<(DateTimeOffset, bool)>();
    private ApplianceDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = new ApplianceDatabase(_data.File("qa.db"), NullLogger<ApplianceDatabase>.Instance, _time);
        _database.Migrate();
        var calls = new CallRecordRepository(_database);
        for (var i = 0; i < 20; i++)
        {
            var start = Monday.AddHours(9 + i);
            calls.Insert(new CallRecord($"c{i:D2}", 1, "analog", null, null, start, start, start.AddMinutes(2), "main", "general", "1001",
                "answered-by-agent", 1_000, 100_000, "local", $"rec-{i:D2}"));
        }

        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_appliance_draws_the_due_week_at_start_and_a_restart_keeps_the_list()
    {
        string drawn;
        await using (var appliance = await StartAsync())
        {
            Assert.Equal((Monday, true), await NextCheck());
            var listed = Parse((await CliRun.InvokeAsync(["qa", "list", "--data", _data.Path])).Output);
            Assert.True(listed.GetProperty("drawn").GetBoolean());
            Assert.Equal(4, listed.GetProperty("samples").GetArrayLength()); // 20 % of 20 calls
            drawn = listed.GetProperty("samples").ToString();

            var stopped = await appliance.StopAsync(); // the schedule's wait is cancelled and awaited
            Assert.Equal(ExitCodes.Ok, stopped.ExitCode);
        }

        await using (await StartAsync())
        {
            Assert.Equal((Monday, false), await NextCheck());
            var listed = Parse((await CliRun.InvokeAsync(["qa", "list", "--data", _data.Path])).Output);
            Assert.Equal(drawn, listed.GetProperty("samples").ToString());
        }
    }

    private Task<InProcessAppliance> StartAsync() => InProcessAppliance.StartAsync(_data, services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(_database);

        // Registered before AddQuality (which only adds it if missing) to hear each check from the first one.
        services.AddSingleton(sp =>
        {
            var schedule = new QaSamplingSchedule(sp.GetRequiredService<QaService>(), sp.GetRequiredService<IOptions<QualityOptions>>(), _time,
                sp.GetRequiredService<ILogger<QaSamplingSchedule>>());
            schedule.Checked += (week, drawnNow) => _checks.Writer.TryWrite((week, drawnNow));
            return schedule;
        });
        services.AddQuality();
        services.Configure<QualityOptions>(o =>
        {
            o.SamplePercent = 20;
            o.Scorecards.Add(new ScorecardOptions
            {
                Name = "service",
                Sections = [new ScorecardSectionOptions { Name = "All", Questions = [new ScorecardQuestionOptions { Id = "courtesy", Max = 5 }] }],
            });
        });
    });

    private async Task<(DateTimeOffset, bool)> NextCheck() => await _checks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
