namespace Appliance.Telephony.Channels;

/// <summary>
/// One leg of a call as the call center sees it, whatever its technology (analog line, SIP, simulated phone).
/// All members are used on the media loop; the async operations resume there too.
/// </summary>
public interface IChannel
{
    /// <summary>Unique id, e.g. "analog/1-000003".</summary>
    string Id { get; }

    /// <summary>The technology: "analog", "sip", "sim".</summary>
    string Technology { get; }

    /// <summary>The line port, trunk or endpoint this channel runs on, e.g. "1" or "agent-1001".</summary>
    string Endpoint { get; }

    /// <summary>The current state.</summary>
    ChannelState State { get; }

    /// <summary>The caller, for inbound channels.</summary>
    CallerIdentity Caller { get; }

    /// <summary>The number the caller dialled (a DID: a trunk call's Request-URI user part), when the network said.</summary>
    string? DialledNumber { get; }

    /// <summary>The SIP trunk (by configured name) an inbound call came from; null for other calls.</summary>
    string? Trunk { get; }

    /// <summary>Completes when the far end answers; faults with <see cref="ChannelHangupException"/> if the channel goes down first.</summary>
    Task Answered { get; }

    /// <summary>Completes with the cause when the channel goes down.</summary>
    Task<HangupCause> Ended { get; }

    /// <summary>This tick's received audio: valid after the receive phase, silence when nothing arrived.</summary>
    ReadOnlySpan<short> ReceivedFrame { get; }

    /// <summary>What the channel sends when nothing else is playing; null for silence. A bridge sets it to the peer.</summary>
    IAudioSource? Background { get; set; }

    /// <summary>Answers an inbound channel.</summary>
    void Answer();

    /// <summary>Hangs the channel up; does nothing if it is already down.</summary>
    void HangUp(HangupCause cause = HangupCause.Local);

    /// <summary>Plays <paramref name="source"/> to the far end; true if it played to the end, false if a digit interrupted it.</summary>
    Task<bool> PlayAsync(IAudioSource source, bool stopOnDigit, CancellationToken cancellationToken = default);

    /// <summary>Stops the prompt playing, if any (its task completes with false), so the background is heard.</summary>
    void StopPlayback();

    /// <summary>Waits for the next DTMF digit; null when <paramref name="timeout"/> passes first.</summary>
    Task<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Discards digits received but not yet read.</summary>
    void FlushDigits();

    /// <summary>Whether the far end has put this leg on hold (a phone's hold key); the call flow plays music to the peer meanwhile.</summary>
    bool HeldByFarEnd { get; }

    /// <summary>Raised on the media loop when the far end holds or resumes.</summary>
    event Action<IChannel>? HoldChanged;

    /// <summary>
    /// Raised on the media loop when the far end asks the box to transfer the party it talks to (a blind transfer, SIP REFER),
    /// with the target as the phone dialled it, e.g. "1002". The handler answers with <see cref="ReportTransfer"/>.
    /// </summary>
    event Action<IChannel, string>? TransferRequested;

    /// <summary>Tells the far end whether the box took its transfer request (true) or refused it (false).</summary>
    void ReportTransfer(bool accepted);
}
