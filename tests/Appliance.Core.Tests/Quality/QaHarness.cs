using Appliance.Core.Quality;
using Appliance.Storage;
using Appliance.Storage.Quality;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests.Quality;

/// <summary>A QA service over a real SQLite file on the manual clock, with a seeded random draw and a "service" scorecard.</summary>
internal sealed class QaHarness : IDisposable
{
    /// <summary>Monday 2026-01-05 00:00 UTC: the week calls are made in.</summary>
    public static readonly DateTimeOffset Week = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "qa-" + Guid.NewGuid().ToString("N") + ".db");
    private ApplianceDatabase? _database;

    /// <param name="now">Where the clock starts; by default the Tuesday after <see cref="Week"/>.</param>
    public QaHarness(int percent = 10, int seed = 7, DateTimeOffset? now = null)
    {
        Time = new ManualTimeProvider(now ?? Week.AddDays(8));
        Percent = percent;
        Database = Open();
        Database.Migrate();
        Service = NewService(seed);
    }

    public ManualTimeProvider Time { get; }

    public int Percent { get; }

    public ApplianceDatabase Database { get => _database!; private set => _database = value; }

    public QaService Service { get; private set; }

    public static QualityOptions Options(int percent) => new()
    {
        SamplePercent = percent,
        Scorecards =
        [
            new ScorecardOptions
            {
                Name = "service",
                Sections =
                [
                    new ScorecardSectionOptions
                    {
                        Name = "Opening",
                        Questions = [new ScorecardQuestionOptions { Id = "greeting", Weight = 1, Max = 1 }, new ScorecardQuestionOptions { Id = "verified", Weight = 1, Max = 1, Fatal = true }],
                    },
                    new ScorecardSectionOptions
                    {
                        Name = "Handling",
                        Questions = [new ScorecardQuestionOptions { Id = "courtesy", Weight = 2, Max = 5 }, new ScorecardQuestionOptions { Id = "resolution", Weight = 4, Max = 5 }],
                    },
                ],
            },
        ],
    };

    /// <summary>Stores <paramref name="count"/> recorded calls of <paramref name="agent"/> during the week (plus one unrecorded and one menu-only call).</summary>
    public void MakeCalls(string agent, int count)
    {
        var calls = new CallRecordRepository(Database);
        for (var i = 0; i < count; i++)
        {
            var start = Week.AddHours(9).AddMinutes(7 * i);
            calls.Insert(new CallRecord($"{agent}-{i:D3}", 1, "analog", "13800138000", null, start, start, start.AddMinutes(3), "main", "general",
                agent, "answered-by-agent", 5_000, 170_000, "local", $"rec-{agent}-{i:D3}"));
        }

        var other = Week.AddDays(2);
        calls.Insert(new CallRecord($"{agent}-norec", 1, "analog", null, null, other, other, other.AddMinutes(1), "main", "general", agent, "answered-by-agent", 0, 60_000, "local", null));
        calls.Insert(new CallRecord($"{agent}-menu", 1, "analog", null, null, other, other, other.AddMinutes(1), "main", null, null, "ended-in-menu", null, null, "remote", null));
    }

    /// <summary>A fresh service, as after a restart, drawing with <paramref name="seed"/>.</summary>
    public QaService NewService(int seed) => Service = new QaService(
        new QaRepository(Database), new CallRecordRepository(Database), Microsoft.Extensions.Options.Options.Create(Options(Percent)), Time, new Random(seed),
        NullLogger<QaService>.Instance);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private ApplianceDatabase Open() => new(_path, NullLogger<ApplianceDatabase>.Instance, Time);
}
