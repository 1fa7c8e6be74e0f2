using Appliance.Host.Control;
using Appliance.Telephony.Media;

namespace Appliance.Host.Composition;

/// <summary>
/// The WAV `appliance sim call --heard FILE` asks for: what the simulated caller heard from the box. The file is created
/// before the call is placed, so a path that cannot be written refuses the request instead of wasting a call; the audio
/// goes in once the call is over (off the media loop: this runs in the control request).
/// </summary>
internal sealed class HeardAudioFile : IDisposable
{
    private readonly WavWriter _writer;

    private HeardAudioFile(string path, WavWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>.</summary>
    /// <exception cref="SimCallRejectedException">Its folder does not exist, it is a folder, or it cannot be written.</exception>
    public static HeardAudioFile Create(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new SimCallRejectedException($"heard: the folder of {path} does not exist");
        }

        if (Directory.Exists(path))
        {
            throw new SimCallRejectedException($"heard: {path} is a folder, not a file");
        }

        try
        {
            return new HeardAudioFile(path, WavWriter.Create(path, 8000, 1));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SimCallRejectedException($"heard: {path} cannot be written: {error.Message}", error);
        }
    }

    /// <summary>Writes <paramref name="samples"/> (8 kHz) and closes the file; returns the seconds written.</summary>
    public double WriteAndClose(ReadOnlySpan<short> samples)
    {
        _writer.Write(samples);
        _writer.Dispose();
        return Math.Round(samples.Length / 8000.0, 3);
    }

    /// <summary>Closes the file (a call that never ran leaves it empty but valid).</summary>
    public void Dispose() => _writer.Dispose();
}
