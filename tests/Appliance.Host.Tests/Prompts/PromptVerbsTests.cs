using System.Buffers.Binary;
using Appliance.Core;
using Appliance.Core.Ivr;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Telephony.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Prompts;

/// <summary>
/// <c>appliance prompt add|list</c> through the control socket to the running appliance's <see cref="PromptLibrary"/>:
/// the added prompt is what the library plays at once, and a refused file leaves nothing behind.
/// </summary>
public sealed class PromptVerbsTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _program = new();
    private PromptLibrary _library = null!;
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(_program.Path, "prompts", "en"));
        _library = new PromptLibrary(
            Options.Create(new CallCenterOptions()),
            new CallCenterPaths(_data.Path, _program.Path),
            NullLogger<PromptLibrary>.Instance);
        _appliance = await InProcessAppliance.StartAsync(_data, services => services.AddSingleton(_library));
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
        _program.Dispose();
    }

    [Fact]
    public async Task Add_converts_a_48_kHz_stereo_file_and_the_appliance_plays_it_at_once()
    {
        var file = Write("welcome-48k.wav", Pcm16Sine(1000, 48000, 2, 2));

        var added = await CliRun.InvokeAsync(["prompt", "add", "--data", _data.Path, "--language", "en", "welcome", file]);

        Assert.True(added.ExitCode == ExitCodes.Ok, added.ToString());
        Assert.Equal("prompt en/welcome added (2.0 s at 8 kHz)", added.Output.Trim());
        var clip = _library.Get("en", "welcome");
        Assert.NotNull(clip);
        Assert.Equal(16000, clip.Samples.Length);
        Assert.Equal(1000, ToneAnalysis.DominantFrequency(clip.Samples.Span, 100, 3900, 10));
        Assert.True(File.Exists(Path.Combine(_data.Path, "prompts", "en", "welcome.wav")));

        var list = await CliRun.InvokeAsync(["prompt", "list", "--data", _data.Path]);
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains("en       welcome                  added", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_audio_is_refused_naming_the_file_and_the_reason_and_nothing_is_stored()
    {
        var file = Write("notes.wav", "This is the text of the greeting, not a recording of it."u8.ToArray());

        var refused = await CliRun.InvokeAsync(["prompt", "add", "--data", _data.Path, "--language", "en", "greeting", file]);

        Assert.Equal(ExitCodes.InvalidConfiguration, refused.ExitCode);
        Assert.Contains($"WAV file '{file}' does not start with 'RIFF'", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing stored.", refused.Error, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(Path.Combine(_data.Path, "prompts")));
        Assert.Null(_library.Get("en", "greeting"));
    }

    [Fact]
    public async Task A_bad_prompt_name_is_refused()
    {
        var file = Write("ok.wav", Pcm16Sine(1000, 8000, 1, 0.5));

        var refused = await CliRun.InvokeAsync(["prompt", "add", "--data", _data.Path, "--language", "en", "greeting.wav", file]);

        Assert.Equal(ExitCodes.InvalidConfiguration, refused.ExitCode);
        Assert.Contains("'greeting.wav' is not a prompt name", refused.Error, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_program.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Pcm16Sine(double hz, int rate, int channels, double seconds)
    {
        var frames = (int)(rate * seconds);
        var file = new byte[44 + (frames * channels * 2)];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), (uint)(rate * channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), (ushort)(channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(34), 16);
        "data"u8.CopyTo(file.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), (uint)(frames * channels * 2));
        for (var i = 0; i < frames * channels; i++)
        {
            var value = (short)(10000 * Math.Sin(2 * Math.PI * hz * (i / channels) / rate));
            BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(44 + (i * 2)), value);
        }

        return file;
    }
}
