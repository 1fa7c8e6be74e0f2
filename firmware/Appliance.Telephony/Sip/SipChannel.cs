using Appliance.Sip.Dialogs;
using Appliance.Sip.Transactions;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip.Internal;

namespace Appliance.Telephony.Sip;

/// <summary>
/// One call leg over a SIP dialog: the <see cref="SipEndpoint"/> does the signalling, this class moves the media on the
/// shared clock (RTP polled in the receive phase, one jitter-buffer frame per tick, RFC 4733 digits as DTMF).
/// </summary>
internal sealed class SipChannel : ChannelBase
{
    private readonly SipEndpoint _endpoint;
    private readonly Action<char> _onDigit;

    public SipChannel(SipEndpoint endpoint, string id, string endpointName, CallerIdentity caller, SipDialog dialog, SipSignalling signalling, RtpSession rtp, bool outgoing)
        : base(id, "sip", endpointName, caller)
    {
        _endpoint = endpoint;
        Dialog = dialog;
        Signalling = signalling;
        Rtp = rtp;
        Outgoing = outgoing;
        _onDigit = DeliverDigit; // cached: a method-group conversion per tick would allocate
    }

    public SipDialog Dialog { get; }

    public SipSignalling Signalling { get; }

    public RtpSession Rtp { get; }

    public bool Outgoing { get; }

    /// <summary>The INVITE we are answering (inbound) while it awaits our final response.</summary>
    public ServerInviteTransaction? PendingInvite { get; set; }

    /// <summary>The INVITE we sent (outbound) while it awaits a final response; CANCEL copies its Via.</summary>
    public SipClientTransaction? PendingOutgoing { get; set; }

    /// <summary>Our SDP answer (inbound) or offer (outbound).</summary>
    public byte[] LocalSdp { get; set; } = [];

    /// <summary>Bumped for every SDP we send, as RFC 4566 asks of the o= version.</summary>
    public ulong SdpVersion { get; set; } = 1;

    /// <summary>Where the phone's transfer request stands.</summary>
    public SipTransferState Transfer { get; set; }

    /// <summary>Whether the phone wants NOTIFYs about its transfer (RFC 4488 Refer-Sub).</summary>
    public bool TransferSubscribed { get; set; }

    public override void Answer() => _endpoint.AcceptIncoming(this);

    internal void MarkUp() => SetUp();

    internal void MarkDown(HangupCause cause) => SetDown(cause);

    internal void Digit(char digit) => DeliverDigit(digit);

    internal void MarkHeld(bool held) => SetHeldByFarEnd(held);

    internal bool TryRequestTransfer(string target) => RequestTransfer(target);

    public override void ReportTransfer(bool accepted) => _endpoint.ReportTransfer(this, accepted);

    protected override void ReceiveTick(long tick)
    {
        if (State != ChannelState.Down)
        {
            Rtp.Receive(_onDigit);
        }

        base.ReceiveTick(tick);
    }

    protected override bool ReceiveAudio(Span<short> frame) => State == ChannelState.Up && Rtp.ReadFrame(frame);

    protected override void TransmitAudio(ReadOnlySpan<short> frame) => Rtp.WriteFrame(frame);

    protected override void OnLocalHangUp(HangupCause cause) => _endpoint.ReleaseLocally(this, cause);
}
