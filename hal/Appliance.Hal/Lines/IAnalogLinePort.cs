namespace Appliance.Hal.Lines;

/// <summary>
/// One FXO port: the box's side of an analog PSTN line. This is the only way telephony reaches
/// a line, whether a line card drives it or the simulated exchange does (like Asterisk's
/// sig_analog reaching DAHDI only through its callbacks).
/// </summary>
/// <remarks>
/// Audio is 8 kHz, 16-bit linear, mono, in 20 ms frames of <see cref="LineAudio.FrameSamples"/>
/// samples. The port buffers a short backlog in each direction, so the reader takes every frame
/// that is ready on each media tick and no sample is lost when the two sides' clocks jitter.
/// Signal events may be raised on any thread; the consumer marshals them to its own loop.
/// </remarks>
public interface IAnalogLinePort
{
    /// <summary>The port's number as printed on the box, from 1.</summary>
    int PortNumber { get; }

    /// <summary>Whether the box holds the line off hook (answered or seized).</summary>
    LineHookState HookState { get; }

    /// <summary>Whether ring voltage is present right now (inside a ring burst).</summary>
    bool IsRinging { get; }

    /// <summary>Whether the exchange's battery voltage is present. False means the line is dead or unplugged.</summary>
    bool HasLineVoltage { get; }

    /// <summary>The line's current tip/ring polarity.</summary>
    LinePolarity Polarity { get; }

    /// <summary>Ring start and stop, polarity reversals, line voltage lost or back.</summary>
    event EventHandler<LineSignalEventArgs>? SignalChanged;

    /// <summary>Takes the line off hook (answer) or puts it back on hook (hang up).</summary>
    void SetHook(LineHookState state);

    /// <summary>Copies the oldest received frame into <paramref name="frame"/>; false when none is ready.</summary>
    /// <param name="frame">Exactly <see cref="LineAudio.FrameSamples"/> samples.</param>
    bool TryReadFrame(Span<short> frame);

    /// <summary>Queues one frame to send down the line. Ignored while on hook.</summary>
    /// <param name="frame">Exactly <see cref="LineAudio.FrameSamples"/> samples.</param>
    void WriteFrame(ReadOnlySpan<short> frame);
}
