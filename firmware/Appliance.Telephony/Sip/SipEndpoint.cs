using System.Net;
using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Sdp;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;
using Appliance.Sip.Validation;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Sip.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Sip;

/// <summary>
/// The box's SIP user agent: owns the UDP and TCP transports and their transaction layers, turns INVITEs from trunks
/// into inbound channels, and keeps every dialog. All dialog and channel work runs on the media loop (requests are
/// posted there), so none of it needs locks; the transports and transactions are thread-safe on their own.
/// </summary>
public sealed partial class SipEndpoint : IInboundCallSource, IAsyncDisposable
{
    private readonly MediaClock _clock;
    private readonly ILogger<SipEndpoint> _logger;
    private readonly SipTrunkOptions _trunks;
    private readonly RtpPortAllocator _ports;
    private readonly SipRequestPolicy _policy = new();
    private readonly SdpParser _sdpParser = new();
    private readonly ILoggerFactory _loggers;
    private readonly SipTransportOptions _transportOptions;
    private readonly SipMediaOptions _mediaOptions;
    private readonly IOptions<SipTimerOptions> _timers;
    private UdpSipTransport? _udp;
    private TcpSipTransport? _tcp;
    private readonly List<SipSignalling> _signalling = [];
    private readonly Dictionary<string, SipChannel> _dialogs = new(StringComparer.Ordinal);
    private readonly Dictionary<ServerInviteTransaction, SipChannel> _pendingByInvite = [];
    private int _sequence;
    private int _disposed;
    private ulong _sessionIds = (ulong)DateTime.UtcNow.Ticks;

    /// <summary>Prepares the endpoint; nothing is bound until <see cref="Start"/>.</summary>
    public SipEndpoint(
        IOptions<SipTransportOptions> transport,
        IOptions<SipMediaOptions> media,
        IOptions<SipTrunkOptions> trunks,
        IOptions<SipTimerOptions> timers,
        MediaClock clock,
        ILoggerFactory loggers)
    {
        _clock = clock;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SipEndpoint>();
        _transportOptions = transport.Value;
        _mediaOptions = media.Value;
        _timers = timers;
        _trunks = trunks.Value;
        _ports = new RtpPortAllocator(media.Value, clock.Time);
    }

    /// <inheritdoc />
    public event Action<IChannel, int?>? CallArrived;

    /// <summary>The address written in SDP and Contact (known once started).</summary>
    public IPAddress Advertised { get; private set; } = IPAddress.Loopback;

    /// <summary>Whether <see cref="Start"/> bound the transports.</summary>
    public bool IsRunning => _udp is not null;

    public IPEndPoint UdpEndPoint => _udp?.LocalEndPoint ?? throw NotRunning();

    public IPEndPoint TcpEndPoint => _tcp?.LocalEndPoint ?? throw NotRunning();

    /// <summary>Dialogs in progress (read on the media loop).</summary>
    public int ActiveCalls => _dialogs.Count;

    /// <summary>Optional handler for REGISTER and for authenticating requests not from trunks (the registrar).</summary>
    public ISipAccessControl? AccessControl { get; set; }

    /// <summary>Binds UDP (then TCP on the same port) and starts receiving.</summary>
    /// <exception cref="InvalidOperationException">A port cannot be bound; the message names the setting.</exception>
    public void Start()
    {
        if (_udp is not null)
        {
            return;
        }

        var (udp, tcp) = BindTransports(new SipMessageParser());
        Advertised = SipAddresses.ChooseAdvertisedAddress(_mediaOptions, udp.LocalEndPoint.Address);
        foreach (ISipTransport t in new ISipTransport[] { udp, tcp })
        {
            var layer = new SipTransactionLayer(t, _timers, _clock.Time, _loggers.CreateLogger<SipTransactionLayer>());
            var signalling = new SipSignalling(t, layer, new IPEndPoint(Advertised, t.LocalEndPoint.Port));
            layer.RequestReceived += tx => _clock.Post(() => HandleSafely(signalling, tx));
            layer.StrayResponseReceived += (response, source) => _clock.Post(() => OnStrayResponse(response, source));
            _signalling.Add(signalling);
        }

        _udp = udp;
        _tcp = tcp;
        PrepareRegistrationSources();
        udp.Start();
        tcp.Start();
        StartRegistrations();
        SipCallLog.Listening(_logger, udp.LocalEndPoint, tcp.LocalEndPoint, Advertised);
    }

    /// <summary>
    /// Binds UDP, then TCP on the same port. With port 0 (tests, ad-hoc runs) the kernel picks the UDP port, and that
    /// number can already be taken for TCP; then both are released and another pair is tried.
    /// </summary>
    private (UdpSipTransport Udp, TcpSipTransport Tcp) BindTransports(SipMessageParser parser)
    {
        const int EphemeralAttempts = 10;
        for (var attempt = 1; ; attempt++)
        {
            var udp = new UdpSipTransport(Options.Create(_transportOptions), parser, _clock.Time, _loggers.CreateLogger<UdpSipTransport>());
            try
            {
                var tcpOptions = Options.Create(SipAddresses.CopyWithPort(_transportOptions, udp.LocalEndPoint.Port));
                return (udp, new TcpSipTransport(tcpOptions, parser, _clock.Time, _loggers.CreateLogger<TcpSipTransport>()));
            }
            catch (InvalidOperationException) when (_transportOptions.Port == 0 && attempt < EphemeralAttempts)
            {
                udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch
            {
                udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Both the host's stop and the container's disposal call this.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopRegistrationsAsync();
        foreach (var signalling in _signalling)
        {
            signalling.Transactions.Dispose();
        }

        if (_udp is not null)
        {
            await _udp.DisposeAsync();
        }

        if (_tcp is not null)
        {
            await _tcp.DisposeAsync();
        }
        foreach (var channel in _dialogs.Values.ToList())
        {
            channel.Rtp.Dispose();
        }
    }

    /// <summary>Answers an inbound channel: 200 OK with our SDP; media flows from now.</summary>
    internal void AcceptIncoming(SipChannel channel)
    {
        if (channel.PendingInvite is not { } invite || channel.State != ChannelState.Ringing)
        {
            return;
        }

        channel.PendingInvite = null;
        _pendingByInvite.Remove(invite);
        var ok = SipMessages.Response(invite.Request, 200, "OK", channel.Dialog.LocalTag, channel.Signalling.Contact);
        ok.Headers.Add(SipHeaderNames.Allow, SipMessages.Allow);
        SipMessages.AttachSdp(ok, channel.LocalSdp);
        TrySend(invite, ok);
        channel.MarkUp();
    }

    /// <summary>The box hangs up: final response while ringing inbound, CANCEL while ringing outbound, BYE once up.</summary>
    internal void ReleaseLocally(SipChannel channel, HangupCause cause)
    {
        if (channel.PendingInvite is { } invite)
        {
            TrySend(invite, SipMessages.Response(invite.Request, 480, "Temporarily Unavailable", channel.Dialog.LocalTag));
        }
        else if (channel.Outgoing && channel.State == ChannelState.Ringing)
        {
            SendCancel(channel);
        }
        else if (channel.State == ChannelState.Up)
        {
            SendInDialog(channel, SipMethods.Bye);
        }

        Finish(channel, cause, "box");
    }

    private void Track(SipChannel channel)
    {
        _dialogs[channel.Dialog.Key] = channel;
        _clock.Register(channel);
    }

    private void Finish(SipChannel channel, HangupCause cause, string side)
    {
        if (!_dialogs.Remove(channel.Dialog.Key))
        {
            return;
        }

        if (channel.PendingInvite is { } invite)
        {
            _pendingByInvite.Remove(invite);
        }

        _clock.Unregister(channel);
        channel.Rtp.Dispose();
        SipCallLog.Down(_logger, channel.Dialog.CallId, channel.Id, cause.ToString(), side);
        channel.MarkDown(cause);
    }

    private void SendInDialog(SipChannel channel, string method)
    {
        var signalling = channel.Signalling;
        var request = channel.Dialog.CreateRequest(method, signalling.Transport.Protocol, signalling.Advertised);
        request.Headers.Add(SipHeaderNames.Contact, signalling.Contact);
        try
        {
            signalling.Transactions.SendRequest(request, channel.Dialog.Remote);
        }
        catch (InvalidOperationException)
        {
            // A branch collision is astronomically unlikely; the call is going down either way.
        }
    }

    private void Refuse(SipServerTransaction transaction, int status, string reason)
    {
        var request = transaction.Request;
        SipCallLog.Refused(_logger, request.Method, request.CallId, transaction.Remote, status, reason);
        TrySend(transaction, SipMessages.Response(request, status, reason, status > 100 ? SipIdentifiers.NewTag() : null));
    }

    private static void TrySend(SipServerTransaction transaction, SipResponse response)
    {
        try
        {
            transaction.SendResponse(response);
        }
        catch (InvalidOperationException)
        {
            // The transaction already sent its final response (e.g. a CANCEL raced our 200): nothing more to say.
        }
    }

    private bool IsTrunk(IPEndPoint source) => _trunks.TrunkFor(source.Address) is not null || RegistrationTrunkFor(source.Address) is not null;

    private static InvalidOperationException NotRunning() => new("The SIP endpoint is not running (see the log for why it could not bind).");

    private SdpLocalMedia LocalMedia(int port, ulong version) =>
        new(Advertised, port, SdpLocalMedia.DefaultCodecs, Interlocked.Increment(ref _sessionIds), version);
}
