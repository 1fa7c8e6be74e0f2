using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Appliance.Benchmarks.Media;

/// <summary>
/// For benchmarks whose one operation processes one second of audio: how many channels one core keeps up with in real
/// time (1 s / mean time of an operation).
/// </summary>
public sealed class RealTimeChannelsColumn : IColumn
{
    public string Id => nameof(RealTimeChannelsColumn);

    public string ColumnName => "Channels/core";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Channels one core processes in real time: 1 s of audio / mean time per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        return statistics is null || statistics.Mean <= 0
            ? "n/a"
            : (1e9 / statistics.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
