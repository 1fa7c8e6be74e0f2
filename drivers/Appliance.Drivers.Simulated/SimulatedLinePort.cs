using Appliance.Drivers.Simulated.Internal;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// One FXO port of the simulated board, driven by <see cref="SimulatedExchange"/>'s tick.
/// </summary>
/// <remarks>
/// Like a line card with on-hook transmission enabled, the port delivers audio while the line is
/// alerting even though the box is on hook (that is how the box hears caller ID between rings);
/// otherwise audio flows only while off hook. Each direction buffers up to one second of frames
/// and drops the oldest beyond that (counted in <see cref="ReceiveOverruns"/> / <see cref="TransmitOverruns"/>).
/// </remarks>
public sealed class SimulatedLinePort : IAnalogLinePort
{
    /// <summary>Frames each direction holds: one second.</summary>
    public const int BufferFrames = 1000 / LineAudio.FrameMilliseconds;

    private volatile LineHookState _hookState = LineHookState.OnHook;
    private volatile bool _isRinging;
    private volatile bool _hasLineVoltage = true;
    private volatile LinePolarity _polarity = LinePolarity.Normal;

    internal SimulatedLinePort(int portNumber, string label)
    {
        PortNumber = portNumber;
        Label = label;
    }

    /// <inheritdoc />
    public event EventHandler<LineSignalEventArgs>? SignalChanged;

    /// <inheritdoc />
    public int PortNumber { get; }

    /// <summary>The label printed next to the socket.</summary>
    public string Label { get; }

    /// <inheritdoc />
    public LineHookState HookState => _hookState;

    /// <inheritdoc />
    public bool IsRinging => _isRinging;

    /// <inheritdoc />
    public bool HasLineVoltage => _hasLineVoltage;

    /// <inheritdoc />
    public LinePolarity Polarity => _polarity;

    /// <summary>Frames waiting for the box to read.</summary>
    public int FramesReady => ToBox.Count;

    /// <summary>Frames to the box that were dropped because it read too slowly.</summary>
    public long ReceiveOverruns => ToBox.DroppedFrames;

    /// <summary>Frames from the box that were dropped because it wrote faster than the line plays.</summary>
    public long TransmitOverruns => FromBox.DroppedFrames;

    /// <summary>Line to box.</summary>
    internal FrameRing ToBox { get; } = new(BufferFrames);

    /// <summary>Box to line.</summary>
    internal FrameRing FromBox { get; } = new(BufferFrames);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">Not a defined hook state.</exception>
    public void SetHook(LineHookState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Hook state must be OnHook or OffHook.");
        }

        _hookState = state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The frame is not exactly <see cref="LineAudio.FrameSamples"/> samples.</exception>
    public bool TryReadFrame(Span<short> frame)
    {
        CheckFrame(frame.Length, nameof(frame));
        return ToBox.TryRead(frame);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The frame is not exactly <see cref="LineAudio.FrameSamples"/> samples.</exception>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        CheckFrame(frame.Length, nameof(frame));
        if (_hookState == LineHookState.OffHook)
        {
            FromBox.Write(frame);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Simulated line port {PortNumber}";

    internal void SetRinging(bool ringing) => _isRinging = ringing;

    internal void SetLineVoltage(bool present) => _hasLineVoltage = present;

    internal void SetPolarity(LinePolarity polarity) => _polarity = polarity;

    internal void RaiseSignal(LineSignalEventArgs args, Action<Exception> onError) => EventInvoker.Raise(SignalChanged, this, args, onError);

    private static void CheckFrame(int length, string name)
    {
        if (length != LineAudio.FrameSamples)
        {
            throw new ArgumentException($"A line frame must be exactly {LineAudio.FrameSamples} samples (20 ms at 8 kHz), not {length}.", name);
        }
    }
}
