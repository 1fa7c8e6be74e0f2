using Appliance.Core.Journal;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Media;

namespace Appliance.Core.Recording;

/// <summary>
/// Records a bridged call to a stereo WAV: the caller on the left channel, the agent on the right, so quality staff
/// can hear each side apart. The file is written as the call goes and stays valid if power is cut.
/// </summary>
public sealed class CallRecorder : IBridgeTap
{
    private readonly WavWriter _writer;
    private readonly TimeProvider _time;
    private long _samples;
    private bool _closed;

    internal CallRecorder(string callId, string path, TimeProvider time)
    {
        CallId = callId;
        Path = path;
        _time = time;
        StartedAt = time.GetUtcNow();
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _writer = WavWriter.Create(path, 8000, 2);
    }

    /// <summary>The recorded call.</summary>
    public string CallId { get; }

    /// <summary>The WAV file.</summary>
    public string Path { get; }

    /// <summary>When recording began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The finished recording's details, once disposed.</summary>
    public RecordingInfo? Info { get; private set; }

    /// <inheritdoc />
    public void OnFrames(ReadOnlySpan<short> legA, ReadOnlySpan<short> legB)
    {
        if (_closed)
        {
            return;
        }

        _writer.WriteStereo(legA, legB);
        _samples += legA.Length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _writer.Dispose();
        var bytes = new FileInfo(Path).Length;
        var id = System.IO.Path.GetFileNameWithoutExtension(Path);
        Info = new RecordingInfo(id, CallId, Path, StartedAt, TimeSpan.FromSeconds(_samples / 8000.0), 2, 8000, bytes);
    }
}
