using BenchmarkDotNet.Configs;

namespace Appliance.Benchmarks.Media;

/// <summary>Adds the channels-per-core column to benchmarks that process one second of audio per operation.</summary>
public sealed class RealTimeAudioConfig : ManualConfig
{
    public RealTimeAudioConfig() => AddColumn(new RealTimeChannelsColumn());
}
