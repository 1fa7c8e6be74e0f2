using System.Text.Json;
using Appliance.Host.Cli;
using Appliance.Host.Composition;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;
using Appliance.Telephony.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Control;

/// <summary>`appliance sim call --heard FILE`: the verb sends the file as an absolute path and the appliance writes there what the caller heard.</summary>
public sealed class SimCallHeardTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly FakeCallRunner _runner = new();
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync() =>
        _appliance = await InProcessAppliance.StartAsync(_data, services => services.AddSingleton<ISimulatedCallRunner>(_runner));

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_relative_file_is_sent_as_the_shell_means_it_and_the_result_names_it()
    {
        _runner.Behaviour = (request, _) => Task.FromResult(
            new SimCallResult("c1", request.Line, request.From, SimCallOutcomes.AnsweredByAgent, "general", "1001", 1, 3, null, null, request.HeardPath, 9.5));

        var result = await CliRun.InvokeAsync(["sim", "call", "--data", _data.Path, "--line", "1", "--from", "100", "--heard", "out/heard.wav"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var expected = Path.GetFullPath("out/heard.wav");
        Assert.Equal(expected, Assert.Single(_runner.Requests).HeardPath);
        using var printed = JsonDocument.Parse(result.Output);
        Assert.Equal(expected, printed.RootElement.GetProperty("heardPath").GetString());
        Assert.Equal(9.5, printed.RootElement.GetProperty("heardSeconds").GetDouble());
    }

    [Fact]
    public async Task A_file_that_is_no_wav_is_refused_before_anything_is_sent()
    {
        var result = await CliRun.InvokeAsync(["sim", "call", "--data", _data.Path, "--line", "1", "--from", "100", "--heard", "heard.txt"]);

        Assert.Equal(ExitCodes.RequestRefused, result.ExitCode);
        Assert.Contains("heard must name a .wav file", result.Error, StringComparison.Ordinal);
        Assert.Empty(_runner.Requests);
    }

    [Fact]
    public void The_heard_file_is_a_mono_8_kHz_wav_of_the_samples()
    {
        var path = Path.Combine(_data.Path, "heard.wav");
        var samples = Enumerable.Range(0, 8000).Select(i => (short)((i % 40) * 100)).ToArray();

        using (var file = HeardAudioFile.Create(path))
        {
            Assert.Equal(1.0, file.WriteAndClose(samples));
        }

        var wav = WavReader.Read(path);
        Assert.Equal((1, 8000), (wav.Channels, wav.SampleRate));
        Assert.Equal(samples, wav.Samples);
    }

    [Fact]
    public void A_missing_folder_or_a_folder_in_the_file_s_place_refuses_the_call_naming_the_path()
    {
        var missing = Path.Combine(_data.Path, "no-such-folder", "heard.wav");
        var folder = Path.Combine(_data.Path, "taken.wav");
        Directory.CreateDirectory(folder);

        var noFolder = Assert.Throws<SimCallRejectedException>(() => HeardAudioFile.Create(missing));
        var isFolder = Assert.Throws<SimCallRejectedException>(() => HeardAudioFile.Create(folder));

        Assert.Equal($"heard: the folder of {missing} does not exist", noFolder.Message);
        Assert.Equal($"heard: {folder} is a folder, not a file", isFolder.Message);
        Assert.False(File.Exists(missing));
    }
}
