using System.Collections.Concurrent;
using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Transactions.Internal;
using Appliance.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Transactions;

/// <summary>
/// Matches incoming messages to transactions (§17.1.3, §17.2.3), creates server transactions for new requests and
/// client transactions for outgoing ones, and forgets each transaction when it terminates.
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
        if (!via.HasRfc3261Branch)
        {
            // RFC 2543 peers are out of scope for this appliance; a request we cannot match could duplicate calls.
            TransactionLog.RequestWithoutBranch(_logger, source, request.CallId);
            return;
        }

        var key = ServerKey(via, request.Method);
        if (request.Method == SipMethods.Ack)
        {
            if (_servers.TryGetValue(key, out var invite) && invite is ServerInviteTransaction inviteTransaction)
            {
                inviteTransaction.HandleAck(request);
            }
            else if (_invitesByDialog.TryGetValue(DialogKey(request), out var accepted))
            {
                accepted.HandleAck(request);
            }
            else
            {
                StrayAckReceived?.Invoke(request, source);
            }

            return;
        }

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
        if (transaction is ServerInviteTransaction serverInvite)
        {
            var dialogKey = DialogKey(request);
            _invitesByDialog[dialogKey] = serverInvite;
            transaction.Terminated += _ => _invitesByDialog.TryRemove(dialogKey, out ServerInviteTransaction? _);
            serverInvite.SendTrying();
        }

        TransactionLog.ServerTransactionCreated(_logger, key, request.Method, source, request.CallId);
        RequestReceived?.Invoke(transaction);
    }

    private static string ServerKey(ViaHeader via, string method) =>
        $"{via.Branch}|{via.Host}:{via.Port ?? 5060}|{(method == SipMethods.Ack ? SipMethods.Invite : method)}";

    private static string DialogKey(SipRequest request) => $"{request.CallId}|{request.From.Tag}|{request.CSeq.Sequence}";
}
