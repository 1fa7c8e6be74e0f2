using Appliance.Telephony.Media;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// Reads a prompt's WAV file and checks it is something a caller can be played: audio, not empty, not absurdly long.
/// Every refusal is an <see cref="InvalidDataException"/> naming the file and the reason.
/// </summary>
internal static class PromptFile
{
    /// <summary>Largest prompt file taken: 10 minutes of 48 kHz 16-bit stereo is 110 MB; nobody needs a prompt that long.</summary>
    public const long MaximumBytes = 64L * 1024 * 1024;

    /// <summary>Longest prompt taken: a bank's longest message (terms read out) is a few minutes.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromMinutes(10);

    public static WavAudio Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Read(stream, path);
    }

    public static WavAudio Read(Stream stream, string name)
    {
        if (stream.Length > MaximumBytes)
        {
            throw new InvalidDataException($"WAV file '{name}' is {stream.Length} bytes; prompts may be at most {MaximumBytes} bytes.");
        }

        var audio = WavReader.Read(stream, name);
        if (audio.FrameCount == 0)
        {
            throw new InvalidDataException($"WAV file '{name}' holds no audio.");
        }

        if (audio.Duration > MaximumDuration)
        {
            throw new InvalidDataException(
                $"WAV file '{name}' is {audio.Duration.TotalSeconds:0} s long; prompts may be at most {MaximumDuration.TotalSeconds:0} s.");
        }

        return audio;
    }
}
