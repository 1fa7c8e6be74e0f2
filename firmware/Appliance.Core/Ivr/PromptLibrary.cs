using System.Collections.Concurrent;
using Appliance.Core.Configuration.Internal;
using Appliance.Core.Ivr.Internal;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Ivr;

/// <summary>
/// Prompts ("greeting", "menu"…) in one folder per language: the built-in ones shipped with the firmware, and those a
/// technician added (<see cref="Add"/>), kept in the data directory and taking precedence over a built-in prompt of the
/// same name. Files may be any WAV the reader takes; they are played as 8 kHz mono. Each is loaded once; a missing or
/// unreadable file is reported (logged and returned as null) so the call can go on without that prompt.
/// </summary>
public sealed class PromptLibrary
{
    private readonly ConcurrentDictionary<string, AudioClip?> _cache = new(StringComparer.Ordinal);
    private readonly ILogger<PromptLibrary> _logger;

    /// <summary>Largest prompt file taken.</summary>
    public const long MaximumFileBytes = PromptFile.MaximumBytes;

    /// <summary>Creates the library over the configured prompt folder and the data directory's.</summary>
    public PromptLibrary(IOptions<CallCenterOptions> options, CallCenterPaths paths, ILogger<PromptLibrary> logger)
    {
        Root = CallCenterPaths.Resolve(paths.ProgramDirectory, options.Value.PromptsDirectory);
        AddedRoot = Path.Combine(paths.DataDirectory, "prompts");
        _logger = logger;
    }

    /// <summary>The folder holding one subfolder of built-in prompts per language.</summary>
    public string Root { get; }

    /// <summary>The folder in the data directory holding the prompts added on this box, one subfolder per language.</summary>
    public string AddedRoot { get; }

    /// <summary>The prompt named <paramref name="name"/> in <paramref name="language"/>, or null if it cannot be loaded.</summary>
    public AudioClip? Get(string language, string name) => _cache.GetOrAdd(Key(language, name), _ => Load(language, name));

    /// <summary>Whether the prompt's file exists (it may still turn out unreadable).</summary>
    public bool Exists(string language, string name) => IsSafe(language) && IsSafe(name) && File.Exists(PathOf(language, name));

    /// <summary>The file a prompt name maps to: the added one if there is one, else the built-in one.</summary>
    public string PathOf(string language, string name)
    {
        var added = Path.Combine(AddedRoot, language, name + ".wav");
        return File.Exists(added) ? added : Path.Combine(Root, language, name + ".wav");
    }

    /// <summary>Why the prompt's existing file cannot be played (naming the file), or null when it can or is missing.</summary>
    public string? Problem(string language, string name)
    {
        if (!Exists(language, name))
        {
            return null;
        }

        try
        {
            PromptFile.Read(PathOf(language, name));
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Checks <paramref name="content"/> (a WAV file called <paramref name="fileName"/>, for messages), converts it to
    /// 8 kHz mono and stores it as the prompt, in force for the next call that plays it. Nothing is stored on refusal.
    /// </summary>
    /// <exception cref="PromptRefusedException">A bad language or name, or content that is not a prompt the box can play.</exception>
    public PromptInfo Add(string language, string name, Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!PromptCatalog.IsLanguage(language))
        {
            throw new PromptRefusedException($"'{language}' is not a language folder name (2 or 3 lower-case letters, such as en or zh)");
        }

        if (!Names.IsPromptName(name))
        {
            throw new PromptRefusedException($"'{name}' is not a prompt name (letters, digits, '_' and '-', at most 64, no extension)");
        }

        short[] samples;
        try
        {
            samples = NarrowbandConverter.Convert(PromptFile.Read(content, fileName));
        }
        catch (InvalidDataException ex)
        {
            PromptLog.Refused(_logger, language, name, ex.Message);
            throw new PromptRefusedException(ex.Message, ex);
        }

        var folder = Path.Combine(AddedRoot, language);
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".wav");
        var temporary = path + ".partial";
        try
        {
            using (var writer = WavWriter.Create(temporary, NarrowbandConverter.SampleRate, 1))
            {
                writer.Write(samples);
            }

            File.Move(temporary, path, overwrite: true); // a call never sees half a file
        }
        catch (IOException)
        {
            File.Delete(temporary); // a full disk leaves no half-written prompt behind
            throw;
        }
        _cache[Key(language, name)] = new AudioClip(name, samples);
        var info = PromptCatalog.Describe(this, language, name, path) with { Seconds = samples.Length / (double)NarrowbandConverter.SampleRate };
        PromptLog.Added(_logger, language, name, info.Seconds ?? 0, info.OverridesBuiltIn);
        return info;
    }

    /// <summary>Every prompt, built-in and added, by language and name.</summary>
    public IReadOnlyList<PromptInfo> List() => PromptCatalog.List(this);

    private static string Key(string language, string name) => language + "/" + name;

    private static bool IsSafe(string part) => part.Length > 0 && part.IndexOfAny(['/', '\\', '.']) < 0;

    private AudioClip? Load(string language, string name)
    {
        if (!IsSafe(language) || !IsSafe(name))
        {
            PromptLog.BadName(_logger, name);
            return null;
        }

        var path = PathOf(language, name);
        try
        {
            // Built-in and added prompts are stored at 8 kHz mono, so this converts only a file put in by hand.
            return new AudioClip(name, NarrowbandConverter.Convert(PromptFile.Read(path)));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            PromptLog.Unreadable(_logger, path, ex.Message);
            return null;
        }
    }
}
