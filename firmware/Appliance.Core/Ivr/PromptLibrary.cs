using System.Collections.Concurrent;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Ivr;

/// <summary>
/// Loads prompts ("greeting", "menu"…) of the configured language from 8 kHz WAV files, once each. A missing or
/// unreadable file is reported (logged and returned as null) so the call can go on without that prompt.
/// </summary>
public sealed class PromptLibrary
{
    private readonly ConcurrentDictionary<string, AudioClip?> _cache = new(StringComparer.Ordinal);
    private readonly string _folder;
    private readonly ILogger<PromptLibrary> _logger;

    /// <summary>Creates the library for the configured language folder.</summary>
    public PromptLibrary(IOptions<CallCenterOptions> options, CallCenterPaths paths, ILogger<PromptLibrary> logger)
    {
        _folder = Path.Combine(CallCenterPaths.Resolve(paths.ProgramDirectory, options.Value.PromptsDirectory), options.Value.Language);
        _logger = logger;
    }

    /// <summary>The folder prompts are read from.</summary>
    public string Folder => _folder;

    /// <summary>The prompt named <paramref name="name"/>, or null if it cannot be loaded.</summary>
    public AudioClip? Get(string name) => _cache.GetOrAdd(name, Load);

    /// <summary>The file a prompt name maps to.</summary>
    public string PathOf(string name) => Path.Combine(_folder, name + ".wav");

    private AudioClip? Load(string name)
    {
        var path = PathOf(name);
        if (name.IndexOfAny(['/', '\\', '.']) >= 0)
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
