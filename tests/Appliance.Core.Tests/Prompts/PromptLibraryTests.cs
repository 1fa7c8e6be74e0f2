using Appliance.Core.Configuration;
using Appliance.Core.Ivr;
using Appliance.Core.Tests.Configuration;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests.Prompts;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("prompt-library-").FullName;
    private readonly PromptLibrary _library;

    public PromptLibraryTests()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(_root, "program", "prompts", "en"));
        WriteBuiltIn("en", "greeting", 400);
        _library = NewLibrary();
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    [Fact]
    public void An_added_44_kHz_stereo_float_file_is_stored_at_8_kHz_mono_and_overrides_the_built_in_prompt()
    {
        Assert.Equal(400, Dominant(_library.Get("en", "greeting")!.Samples.ToArray()));

        var info = _library.Add("en", "greeting", new MemoryStream(PromptFiles.FloatSine(1000, 44100, 2, 1.5)), "hello.wav");

        Assert.Equal(new PromptInfo("en", "greeting", PromptInfo.Added, true, Path.Combine(_root, "data", "prompts", "en", "greeting.wav"), 1.5), info);
        Assert.Equal(1000, Dominant(_library.Get("en", "greeting")!.Samples.ToArray()));
        var stored = WavReader.Read(info.File);
        Assert.Equal((8000, 1, 12000), (stored.SampleRate, stored.Channels, stored.Samples.Length));

        // After a restart the added prompt is still the one played.
        Assert.Equal(1000, Dominant(NewLibrary().Get("en", "greeting")!.Samples.ToArray()));
    }

    [Fact]
    public void List_shows_built_in_and_added_prompts_and_which_overrides_which()
    {
        _library.Add("zh", "welcome", new MemoryStream(PromptFiles.FloatSine(800, 16000, 1, 0.5)), "welcome.wav");
        _library.Add("en", "greeting", new MemoryStream(PromptFiles.FloatSine(800, 16000, 1, 0.5)), "greeting.wav");
        WriteBuiltIn("en", "menu", 500);

        var list = _library.List().Select(p => (p.Language, p.Name, p.Source, p.OverridesBuiltIn)).ToList();

        Assert.Equal([("en", "greeting", "added", true), ("en", "menu", "built-in", false), ("zh", "welcome", "added", false)], list);
    }

    [Theory]
    [InlineData("text", "does not start with 'RIFF'")]
    [InlineData("empty-file", "is too short to be a WAV file")]
    [InlineData("mp3-in-wav", "format 85 (MP3)")]
    [InlineData("no-samples", "holds no audio")]
    [InlineData("eleven-minutes", "is 660 s long; prompts may be at most 600 s")]
    public void A_file_that_is_not_a_playable_prompt_is_refused_naming_it_and_nothing_is_stored(string kind, string reason)
    {
        byte[] content = kind switch
        {
            "text" => "Dear customer, please hold."u8.ToArray(),
            "empty-file" => [],
            "mp3-in-wav" => PromptFiles.Wav(0x55, 1, 8000, 8, new byte[100]),
            "no-samples" => PromptFiles.Wav(1, 1, 8000, 16, []),
            "eleven-minutes" => PromptFiles.Wav(6, 1, 8000, 8, new byte[8000 * 660]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<PromptRefusedException>(() => _library.Add("en", "greeting", new MemoryStream(content), "upload/" + kind + ".wav"));

        Assert.Contains("'upload/" + kind + ".wav'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(_library.AddedRoot) && System.IO.Directory.EnumerateFiles(_library.AddedRoot, "*", SearchOption.AllDirectories).Any());
        Assert.Equal(400, Dominant(_library.Get("en", "greeting")!.Samples.ToArray()));
    }

    [Theory]
    [InlineData("EN", "greeting", "'EN' is not a language")]
    [InlineData("../x", "greeting", "is not a language")]
    [InlineData("en", "../../etc/passwd", "is not a prompt name")]
    [InlineData("en", "greeting.wav", "is not a prompt name")]
    public void A_bad_language_or_name_is_refused(string language, string name, string reason)
    {
        var error = Assert.Throws<PromptRefusedException>(() => _library.Add(language, name, new MemoryStream(PromptFiles.FloatSine(1000, 8000, 1, 0.1)), "ok.wav"));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(_library.AddedRoot));
    }

    [Fact]
    public void The_validator_refuses_a_node_whose_prompt_file_is_not_audio_naming_the_node_and_the_file()
    {
        var configuration = SampleConfiguration.Branch();
        var broken = Path.Combine(_root, "program", "prompts", "zh", "cards-menu.wav");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "this is a text file, not audio");
        var environment = new ConfigurationEnvironment { PromptProblem = _library.Problem };

        var error = Assert.Single(ConfigurationValidator.Validate(configuration, environment));

        Assert.Equal("menus[main].nodes[cards]", error.Path);
        Assert.Contains($"prompt 'cards-menu' in language 'zh' is not audio this box can play: WAV file '{broken}' does not start with 'RIFF' (found 'this')", error.Message, StringComparison.Ordinal);
    }

    private static double Dominant(short[] samples) => ToneAnalysis.DominantFrequency(samples, 100, 3900, 10);

    private PromptLibrary NewLibrary() => new(
        Options.Create(new CallCenterOptions { PromptsDirectory = "prompts" }),
        new CallCenterPaths(Path.Combine(_root, "data"), Path.Combine(_root, "program")),
        NullLogger<PromptLibrary>.Instance);

    private void WriteBuiltIn(string language, string name, double hz)
    {
        var samples = new short[4000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 8000));
        }

        using var writer = WavWriter.Create(Path.Combine(_root, "program", "prompts", language, name + ".wav"), 8000, 1);
        writer.Write(samples);
    }
}
