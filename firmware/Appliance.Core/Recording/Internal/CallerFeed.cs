using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Core.Recording.Internal;

/// <summary>
/// Feeds a call's recorder with the caller's audio before any agent is bridged (the self-service part: menus, identify,
/// the queue), the agent channel silent. The first bridge takes over the recorder and this feed is disposed.
/// </summary>
internal sealed class CallerFeed : IMediaTickHandler, IDisposable
{
    private readonly MediaClock _clock;
    private readonly IChannel _caller;
    private readonly CallRecorder _recorder;
    private bool _stopped;

    public CallerFeed(MediaClock clock, IChannel caller, CallRecorder recorder)
    {
        _clock = clock;
        _caller = caller;
        _recorder = recorder;
        clock.Register(this);
    }

    public void OnReceive(long tick)
    {
    }

    // The recorder itself puts silence in the file while the call's PCI pause is on.
    public void OnTransmit(long tick)
    {
        if (!_stopped)
        {
            _recorder.OnFrames(_caller.ReceivedFrame, []);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _clock.Unregister(this);
    }
}
