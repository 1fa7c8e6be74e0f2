using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar.Internal;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Appliance.Sip.Registrar;

/// <summary>
/// Keeps one registration of the box at a provider's registrar alive (RFC 3261 §10.2, client side): REGISTER with a
/// constant Call-ID and rising CSeq, digest answers to 401/407, refresh before the granted expiry, Min-Expires after 423,
/// capped exponential backoff with jitter after failures, and un-registration (Expires: 0) on <see cref="StopAsync"/>.
/// Thread-safe; every timer comes from the injected <see cref="TimeProvider"/>. Nothing a registrar sends makes it throw.
/// </summary>
public sealed partial class SipRegistrationClient : IDisposable
{
    // A refresh must leave room for one whole UDP transaction timeout (64*T1 = 32 s) before the binding lapses.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(32);

    private readonly SipRegistrationAccount _account;
    private readonly SipTransactionLayer _transactions;
    private readonly ISipTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger<SipRegistrationClient> _logger;
    private readonly RegisterRequestFactory _requests;
    private readonly RegistrarDestination _target;
    private readonly AddressFamily _family;
    private readonly DigestClient _registrarDigest;
    private readonly DigestClient _proxyDigest;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _rejectedRetryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly Lock _gate = new();
    private readonly ITimer _nextAttemptTimer;
    private readonly ITimer _lapseTimer;
    private readonly List<SipRegistrationState> _changes = [];
    private SipRegistrationState _state;
    private DateTimeOffset? _expiresAt;
    private DateTimeOffset? _nextAttemptAt;
    private string? _lastError;
    private RegistrationAttempt? _current;
    private Task _resolving = Task.CompletedTask;
    private IPEndPoint? _destination;
    private SipResponse? _registrarChallenge;
    private SipResponse? _proxyChallenge;
    private TaskCompletionSource? _unregistered;
    private long _sequence;
    private int _requestedExpires;
    private int _failures;
    private int _challengesThisRound;
    private int _staleRetriesThisRound;
    private int _intervalRetriesThisRound;
    private bool _running;
    private bool _disposed;

    /// <param name="account">The account; validated here (<see cref="ArgumentException"/> names each bad setting).</param>
    /// <param name="transactions">The transaction layer attached to <paramref name="transport"/>.</param>
    /// <param name="transport">The transport the REGISTERs leave by (its protocol goes into Via, its reliability into the default Contact).</param>
    /// <param name="advertised">Our address as the registrar should see it: Via sent-by and the default Contact.</param>
    public SipRegistrationClient(
        SipRegistrationAccount account,
        SipTransactionLayer transactions,
        ISipTransport transport,
        IPEndPoint advertised,
        TimeProvider time,
        ILogger<SipRegistrationClient> logger)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(advertised);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        account.EnsureValid();
        _account = account;
        _transactions = transactions;
        _transport = transport;
        _time = time;
        _logger = logger;
        _requests = new RegisterRequestFactory(account, transport.Protocol, advertised, transport.IsReliable);
        _target = new RegistrarDestination(account);
        _family = transport.LocalEndPoint.AddressFamily;
        _registrarDigest = new DigestClient(account.EffectiveAuthUser, account.Password);
        _proxyDigest = new DigestClient(account.EffectiveAuthUser, account.Password);
        _retryDelay = account.RetryDelay;
        _rejectedRetryDelay = account.RejectedRetryDelay;
        _maxRetryDelay = account.MaxRetryDelay;
        _requestedExpires = account.ExpiresSeconds;
        _nextAttemptTimer = time.CreateTimer(_ => OnNextAttemptDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _lapseTimer = time.CreateTimer(_ => OnLapseDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        transport.MessageReceived += OnMessage;
    }

    /// <summary>Raised outside the client's lock after every change of <see cref="State"/>, with the new state.</summary>
    public event Action<SipRegistrationClient, SipRegistrationState>? StateChanged;

    /// <summary>The account's name.</summary>
    public string Name => _account.Name;

    /// <summary>The address of record registered, e.g. "sip:4930123456@sip.provider.net".</summary>
    public string AddressOfRecord => _account.AddressOfRecord;

    /// <summary>The Call-ID every REGISTER of this client carries.</summary>
    public string CallId => _requests.CallId;

    /// <summary>The Contact URI registered.</summary>
    public string Contact => _requests.ContactUri.ToString();

    public SipRegistrationState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>When the registrar's binding ends unless refreshed; null when there is no live binding.</summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_gate)
            {
                return _expiresAt;
            }
        }
    }

    /// <summary>When the next REGISTER (refresh or retry) is due; null while one is on its way or when stopped.</summary>
    public DateTimeOffset? NextAttemptAt
    {
        get
        {
            lock (_gate)
            {
                return _nextAttemptAt;
            }
        }
    }

    /// <summary>Why the last attempt failed, e.g. "no response from the registrar at 203.0.113.5:5060"; null after a success.</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>The expiry asked for now: the account's, or more after a 423 Interval Too Brief.</summary>
    public int RequestedExpiresSeconds
    {
        get
        {
            lock (_gate)
            {
                return _requestedExpires;
            }
        }
    }

    /// <summary>Sends the first REGISTER and keeps the registration alive from then on. Does nothing when already running.</summary>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public void Start() => Run(() =>
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_running)
        {
            return;
        }

        _running = true;
        _failures = 0;
        _lastError = null;
        // A Start during a pending un-registration supersedes it.
        _unregistered?.TrySetResult();
        _unregistered = null;
        RegistrationLog.Registering(_logger, Name, AddressOfRecord, _target.ToString(), CallId);
        BeginRound(unregister: false);
    });

    /// <summary>
    /// Stops refreshing and, when a binding may exist (registered, or a REGISTER on its way), removes it with Expires: 0.
    /// Completes when the registrar answered or the transaction timed out; the state is then Unregistered either way.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first; the client is stopped regardless.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource? pending = null;
        Run(() =>
        {
            if (!_running)
            {
                pending = _unregistered;
                return;
            }

            _running = false;
            CancelTimers();
            var live = _expiresAt is { } expires && expires > _time.GetUtcNow();
            if (!live && _current is null)
            {
                FinishUnregister(error: null, sent: false);
                return;
            }

            pending = _unregistered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            BeginRound(unregister: true);
        });

        // A registrar name still being resolved finishes (its result is dropped once the round is over) before Stop ends.
        await _resolving.WaitAsync(cancellationToken);
        if (pending is null)
        {
            return;
        }

        try
        {
            await pending.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Run(() =>
            {
                if (_unregistered == pending)
                {
                    FinishUnregister("the un-registration was abandoned (cancelled)", sent: true);
                }
            });
            throw;
        }
    }

    /// <summary>Stops at once without un-registering (call <see cref="StopAsync"/> first for that) and releases the timers.</summary>
    public void Dispose()
    {
        Run(() =>
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _running = false;
            _current = null;
            CancelTimers();
            _expiresAt = null;
            SetState(SipRegistrationState.Unregistered);
            _unregistered?.TrySetResult();
            _unregistered = null;
        });
        _transport.MessageReceived -= OnMessage;
        _nextAttemptTimer.Dispose();
        _lapseTimer.Dispose();
    }

    /// <summary>Runs <paramref name="action"/> under the lock, then raises the state changes it made, outside the lock.</summary>
    private void Run(Action action)
    {
        SipRegistrationState[] changes;
        lock (_gate)
        {
            action();
            if (_changes.Count == 0)
            {
                return;
            }

            changes = [.. _changes];
            _changes.Clear();
        }

        foreach (var state in changes)
        {
            try
            {
                StateChanged?.Invoke(this, state);
            }
            catch (Exception error)
            {
                // A subscriber's bug must not escape into a receive loop or a timer thread and take the process down.
                RegistrationLog.HandlerFailed(_logger, error, Name, CallId);
            }
        }
    }

    /// <summary>
    /// <see cref="Run"/> for callbacks from receive loops, timers and lookups: a bug of ours must not escape into a thread
    /// that would take the whole process down with it.
    /// </summary>
    private void RunSafely(Action action)
    {
        try
        {
            Run(action);
        }
        catch (Exception error)
        {
            RegistrationLog.Unexpected(_logger, error, Name, CallId);
        }
    }

    private void SetState(SipRegistrationState state)
    {
        if (_state != state)
        {
            _state = state;
            _changes.Add(state);
        }
    }

    private void CancelTimers()
    {
        _nextAttemptTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _lapseTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _nextAttemptAt = null;
    }

    private void OnNextAttemptDue() => RunSafely(() =>
    {
        if (_running && _current is null)
        {
            BeginRound(unregister: false);
        }
    });

    private void OnLapseDue() => RunSafely(() =>
    {
        var now = _time.GetUtcNow();
        if (!_running || _expiresAt is not { } expires || expires > now)
        {
            return;
        }

        RegistrationLog.Lapsed(_logger, Name, expires, CallId);
        _expiresAt = null;
        _lastError ??= "the registration expired before a refresh succeeded";
        SetState(_current is null ? SipRegistrationState.Failed : SipRegistrationState.Registering);
    });
}
