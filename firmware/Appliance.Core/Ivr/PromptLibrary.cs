using System.Collections.Concurrent;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Ivr;

/// <summary>
/// Loads prompts ("greeting", "menu"…) from 8 kHz WAV files in one folder per language, once each. A missing or
/// unreadable file is reported (logged and returned as null) so the call can go on without that prompt.
/// </summary>
public sealed class PromptLibrary
{
    private readonly ConcurrentDictionary<string, AudioClip?> _cache = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly ILogger<PromptLibrary> _logger;

    /// <summary>Creates the library over the configured prompt folder.</summary>
    public PromptLibrary(IOptions<CallCenterOptions> options, CallCenterPaths paths, ILogger<PromptLibrary> logger)
    {
        _root = CallCenterPaths.Resolve(paths.ProgramDirectory, options.Value.PromptsDirectory);
        _logger = logger;
    }

    /// <summary>The folder holding one subfolder of prompts per language.</summary>
    public string Root => _root;

    /// <summary>The prompt named <paramref name="name"/> in <paramref name="language"/>, or null if it cannot be loaded.</summary>
    public AudioClip? Get(string language, string name) => _cache.GetOrAdd(language + "/" + name, _ => Load(language, name));

    /// <summary>Whether the prompt's file exists (it may still turn out unreadable).</summary>
    public bool Exists(string language, string name) => IsSafe(language) && IsSafe(name) && File.Exists(PathOf(language, name));

    /// <summary>The file a prompt name maps to.</summary>
    public string PathOf(string language, string name) => Path.Combine(_root, language, name + ".wav");

    private static bool IsSafe(string part) => part.Length > 0 && part.IndexOfAny(['/', '\\', '.']) < 0;

    private AudioClip? Load(string language, string name)
    {
        var path = PathOf(language, name);
        if (!IsSafe(language) || !IsSafe(name))
        {
            PromptLog.BadName(_logger, name);
            return null;
        }

        try
        {
            var audio = WavReader.Read(path);
            if (audio.SampleRate != 8000 || audio.Channels != 1)
            {
                PromptLog.WrongFormat(_logger, path, audio.SampleRate, audio.Channels);
                return null;
            }

            return new AudioClip(name, audio.Samples);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            PromptLog.Unreadable(_logger, path, ex.Message);
            return null;
        }
    }
}
