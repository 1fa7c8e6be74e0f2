using System.Collections.Concurrent;
using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transactions.Internal;
using Appliance.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Transactions;

/// <summary>
/// Matches incoming messages to transactions (§17.1.3, §17.2.3, including the RFC 2543 rules for requests without an
/// RFC 3261 branch), creates server transactions for new requests and client transactions for outgoing ones, and
/// forgets each transaction when it terminates.
/// </summary>
public sealed class SipTransactionLayer : IDisposable
{
    private readonly ISipTransport _transport;
    private readonly SipTimerOptions _timers;
    private readonly TimeProvider _time;
    private readonly ILogger<SipTransactionLayer> _logger;
    private readonly ConcurrentDictionary<string, SipClientTransaction> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipServerTransaction> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerInviteTransaction> _invitesByDialog = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerInviteTransaction> _rfc2543InvitesForAck = new(StringComparer.Ordinal);

    public SipTransactionLayer(ISipTransport transport, IOptions<SipTimerOptions> timers, TimeProvider time, ILogger<SipTransactionLayer> logger)
    {
        _transport = transport;
        _timers = timers.Value;
        _time = time;
        _logger = logger;
        _transport.MessageReceived += HandleMessage;
    }

    /// <summary>A new request arrived; the handler must answer through the transaction (INVITEs already got 100 Trying).</summary>
    public event Action<SipServerTransaction>? RequestReceived;

    /// <summary>An ACK that matched no transaction (e.g. a retransmitted ACK for a 2xx).</summary>
    public event Action<SipRequest, IPEndPoint>? StrayAckReceived;

    /// <summary>A response that matched no client transaction (e.g. a retransmitted 2xx the dialog must ACK again).</summary>
    public event Action<SipResponse, IPEndPoint>? StrayResponseReceived;

    public int ActiveTransactionCount => _clients.Count + _servers.Count;

    /// <summary>Starts a client transaction for <paramref name="request"/>, whose top Via must carry an RFC 3261 branch.</summary>
    /// <param name="beforeStart">
    /// Subscribes to the transaction before its first send: a response on loopback can arrive before the caller could
    /// subscribe to the returned transaction.
    /// </param>
    public SipClientTransaction SendRequest(SipRequest request, IPEndPoint destination, Action<SipClientTransaction>? beforeStart = null)
    {
        if (request.Method == SipMethods.Ack)
        {
            throw new ArgumentException("ACK for a 2xx is sent by the dialog directly, not through a transaction.", nameof(request));
        }

        SipClientTransaction transaction = request.Method == SipMethods.Invite
            ? new ClientInviteTransaction(request, destination, _transport, _timers, _time)
            : new ClientNonInviteTransaction(request, destination, _transport, _timers, _time);
        if (!_clients.TryAdd(transaction.Key, transaction))
        {
            throw new InvalidOperationException($"A client transaction with branch key {transaction.Key} already exists.");
        }

        transaction.Terminated += t => _clients.TryRemove(t.Key, out _);
        transaction.TimedOut += t => TransactionLog.TransactionTimedOut(_logger, t.Key, t.Request.CallId);
        TransactionLog.ClientTransactionCreated(_logger, transaction.Key, request.Method, destination, request.CallId);
        beforeStart?.Invoke(transaction);
        transaction.Start();
        return transaction;
    }

    /// <summary>Routes one parsed message from <paramref name="source"/>; the transports call this for every message.</summary>
    public void HandleMessage(SipMessage message, IPEndPoint source)
    {
        switch (message)
        {
            case SipResponse response:
                HandleResponse(response, source);
                break;
            case SipRequest request:
                HandleRequest(request, source);
                break;
            default:
                break;
        }
    }

    public void Dispose()
    {
        _transport.MessageReceived -= HandleMessage;
        foreach (var transaction in _clients.Values.Cast<SipTransaction>().Concat(_servers.Values))
        {
            transaction.Dispose();
        }

        _clients.Clear();
        _servers.Clear();
        _invitesByDialog.Clear();
        _rfc2543InvitesForAck.Clear();
    }

    /// <summary>
    /// The INVITE server transaction a CANCEL asks to cancel (§9.2): the §17.2.3 rules applied to the CANCEL as if it
    /// were that INVITE, so branch and sent-by match for RFC 3261 peers and Request-URI, tags, Call-ID, CSeq number and
    /// top Via for RFC 2543 ones. Null when none is in progress.
    /// </summary>
    public ServerInviteTransaction? FindCancelled(SipRequest cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        var key = ServerTransactionKeys.For(cancel, cancel.TopVia, SipMethods.Invite);
        return _servers.TryGetValue(key, out var transaction) ? transaction as ServerInviteTransaction : null;
    }

    private void HandleResponse(SipResponse response, IPEndPoint source)
    {
        var key = SipTransaction.KeyOf(response.TopVia.Branch ?? string.Empty, response.CSeq.Method);
        if (_clients.TryGetValue(key, out var transaction))
        {
            transaction.HandleResponse(response);
            return;
        }

        TransactionLog.StrayResponse(_logger, response.StatusCode, source, response.CallId);
        StrayResponseReceived?.Invoke(response, source);
    }

    private void HandleRequest(SipRequest request, IPEndPoint source)
    {
        var via = request.TopVia;
        if (request.Method == SipMethods.Ack)
        {
            HandleAck(request, via, source);
            return;
        }

        var key = ServerTransactionKeys.For(request, via, request.Method);
        if (_servers.TryGetValue(key, out var existing))
        {
            existing.HandleRetransmission();
            return;
        }

        SipServerTransaction transaction = request.Method == SipMethods.Invite
            ? new ServerInviteTransaction(request, source, _transport, _timers, _time)
            : new ServerNonInviteTransaction(request, source, _transport, _timers, _time);
        if (!_servers.TryAdd(key, transaction))
        {
            return;
        }

        transaction.Terminated += _ => _servers.TryRemove(key, out SipServerTransaction? _);
        transaction.TimedOut += t => TransactionLog.TransactionTimedOut(_logger, t.Key, t.Request.CallId);
        if (!via.HasRfc3261Branch)
        {
            TransactionLog.Rfc2543Request(_logger, request.Method, source, request.CallId);
        }

        if (transaction is ServerInviteTransaction serverInvite)
        {
            Index(serverInvite, request, via);
            serverInvite.SendTrying();
        }

        TransactionLog.ServerTransactionCreated(_logger, transaction.Key, request.Method, source, request.CallId);
        RequestReceived?.Invoke(transaction);
    }

    /// <summary>Remembers an INVITE transaction under the keys its ACK can arrive with, until it terminates.</summary>
    private void Index(ServerInviteTransaction invite, SipRequest request, ViaHeader via)
    {
        var dialogKey = DialogKey(request);
        _invitesByDialog[dialogKey] = invite;
        invite.Terminated += _ => _invitesByDialog.TryRemove(new KeyValuePair<string, ServerInviteTransaction>(dialogKey, invite));
        if (!via.HasRfc3261Branch)
        {
            var ackKey = ServerTransactionKeys.Rfc2543Ack(request, via);
            _rfc2543InvitesForAck[ackKey] = invite;
            invite.Terminated += _ => _rfc2543InvitesForAck.TryRemove(new KeyValuePair<string, ServerInviteTransaction>(ackKey, invite));
        }
    }

    /// <summary>
    /// ACK for a non-2xx belongs to the INVITE transaction (§17.2.3): by branch and sent-by, or for RFC 2543 peers by
    /// Request-URI, From tag, Call-ID, CSeq number and top Via with the To tag of our response. ACK for a 2xx is the
    /// dialog's (RFC 6026 Accepted state): by Call-ID, From tag and CSeq, with the To tag of the 2xx.
    /// </summary>
    private void HandleAck(SipRequest ack, ViaHeader via, IPEndPoint source)
    {
        var toTag = ack.To.Tag;
        ServerInviteTransaction? invite = null;
        if (via.HasRfc3261Branch)
        {
            invite = _servers.TryGetValue(ServerTransactionKeys.For(ack, via, SipMethods.Invite), out var byBranch) ? byBranch as ServerInviteTransaction : null;
        }
        else if (_rfc2543InvitesForAck.TryGetValue(ServerTransactionKeys.Rfc2543Ack(ack, via), out var byHeaders) && byHeaders.ResponseToTag == toTag)
        {
            invite = byHeaders;
        }

        if (invite is null && _invitesByDialog.TryGetValue(DialogKey(ack), out var accepted)
            && accepted.State == SipTransactionState.Accepted && accepted.ResponseToTag == toTag)
        {
            invite = accepted;
        }

        if (invite is not null)
        {
            invite.HandleAck(ack);
        }
        else
        {
            StrayAckReceived?.Invoke(ack, source);
        }
    }

    private static string DialogKey(SipRequest request) => $"{request.CallId}|{request.From.Tag}|{request.CSeq.Sequence}";
}
