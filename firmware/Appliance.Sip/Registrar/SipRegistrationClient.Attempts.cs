using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Registrar.Internal;
using Appliance.Sip.Transactions;

namespace Appliance.Sip.Registrar;

/// <summary>
/// The attempt machinery: sending REGISTERs and acting on what comes back. The entry points (OnMessage, OnTimedOut,
/// ResolveThenSendAsync) take the lock; everything else runs under it.
/// </summary>
public sealed partial class SipRegistrationClient
{
    // Loop guards for one round (one refresh, retry or un-registration and the requests it takes).
    private const int MaxChallengesPerRound = 3;
    private const int MaxIntervalRetriesPerRound = 2;

    private void BeginRound(bool unregister)
    {
        _challengesThisRound = 0;
        _staleRetriesThisRound = 0;
        _intervalRetriesThisRound = 0;
        _nextAttemptTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _nextAttemptAt = null;
        if (!unregister && _state is SipRegistrationState.Unregistered or SipRegistrationState.Failed)
        {
            SetState(SipRegistrationState.Registering);
        }

        Send(new RegistrationAttempt(NewRequest(unregister), unregister, unregister ? 0 : _requestedExpires));
    }

    /// <summary>A REGISTER with the next CSeq, carrying credentials for every challenge we hold (RFC 3261 §22.2 caching).</summary>
    private SipRequest NewRequest(bool unregister)
    {
        var request = _requests.Create(++_sequence, unregister ? 0 : _requestedExpires);
        if (_registrarChallenge is { } registrar)
        {
            _registrarDigest.TryAuthorize(registrar, request);
        }

        if (_proxyChallenge is { } proxy)
        {
            _proxyDigest.TryAuthorize(proxy, request);
        }

        return request;
    }

    private void Send(RegistrationAttempt attempt)
    {
        _current = attempt;
        _destination ??= _target.Literal;
        if (_destination is null)
        {
            // Owned: it catches its own failures, and StopAsync waits for it (see Resolving).
            _resolving = ResolveThenSendAsync(attempt);
            return;
        }

        Dispatch(attempt, _destination);
    }

    private async Task ResolveThenSendAsync(RegistrationAttempt attempt)
    {
        IPEndPoint? resolved = null;
        string? error = null;
        try
        {
            resolved = await _target.ResolveAsync(_family).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            error = failure.Message;
        }

        RunSafely(() =>
        {
            if (_current != attempt)
            {
                return;
            }

            if (resolved is null)
            {
                Fail(attempt, rejected: false, $"cannot resolve the registrar host '{_target.Host}': {error}");
                return;
            }

            _destination = resolved;
            Dispatch(attempt, resolved);
        });
    }

    private void Dispatch(RegistrationAttempt attempt, IPEndPoint destination)
    {
        SipClientTransaction transaction;
        try
        {
            transaction = _transactions.SendRequest(attempt.Request, destination);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or ObjectDisposedException)
        {
            Fail(attempt, rejected: false, "could not send the REGISTER: " + error.Message);
            return;
        }

        // Timer F is 64*T1 away, so subscribing after the start cannot miss it. Responses are not read from the
        // transaction (see OnMessage): the layer starts it before anyone can subscribe, and a fast answer would be lost.
        transaction.TimedOut += _ => OnTimedOut(attempt);
    }

    /// <summary>
    /// Every message the transport receives (the transaction layer gets them too): final responses to the current
    /// attempt's branch are ours. The attempt is current before its request leaves, so no answer can come too early.
    /// </summary>
    private void OnMessage(SipMessage message, IPEndPoint source)
    {
        if (message is not SipResponse { IsProvisional: false } response || response.CallId != CallId)
        {
            return;
        }

        string? branch;
        try
        {
            branch = response.CSeq.Method == SipMethods.Register ? response.TopVia.Branch : null;
        }
        catch (Exception error) when (error is SipParseException or InvalidOperationException)
        {
            return;
        }

        RunSafely(() =>
        {
            if (_current is { } attempt && branch is not null && attempt.Branch == branch)
            {
                Handle(attempt, response);
            }
        });
    }

    private void OnTimedOut(RegistrationAttempt attempt) => RunSafely(() =>
    {
        if (_current != attempt)
        {
            return;
        }

        var where = _destination?.ToString() ?? _target.ToString();
        // Look the name up again next time: the provider may have moved.
        _destination = null;
        Fail(attempt, rejected: false, $"no response from the registrar at {where}");
    });

    private void Handle(RegistrationAttempt attempt, SipResponse response)
    {
        var status = response.StatusCode;
        if (response.IsSuccess)
        {
            if (attempt.Unregister)
            {
                FinishUnregister(error: null, sent: true);
            }
            else
            {
                Succeed(attempt, response);
            }
        }
        else if (status is 401 or 407)
        {
            AnswerChallenge(attempt, response);
        }
        else if (status == 423 && !attempt.Unregister)
        {
            RetryWithMinExpires(attempt, response);
        }
        else
        {
            // Timeouts, overload and server errors pass; anything else (403, 404, 3xx, 6xx...) needs someone to act.
            var transient = status is 408 or 429 or 480 or (>= 500 and < 600);
            Fail(attempt, rejected: !transient, "the registrar answered " + RegistrarResponseReader.Describe(response), RegistrarResponseReader.RetryAfter(response));
        }
    }

    private void AnswerChallenge(RegistrationAttempt attempt, SipResponse response)
    {
        var status = response.StatusCode;
        var (nonces, stale) = RegistrarResponseReader.ReadChallenge(response);
        if (attempt.AnsweredStatus == status)
        {
            // Our answer to a fresh challenge was refused. Only a new nonce marked stale (RFC 2617 §3.2.1) means the
            // password may still be right; anything else is wrong credentials, and asking again would only hammer.
            var staleNonce = stale && !nonces.Overlaps(attempt.AnsweredNonces) && _staleRetriesThisRound == 0;
            if (staleNonce)
            {
                _staleRetriesThisRound++;
            }
            else
            {
                ForgetChallenge(status);
                Fail(attempt, rejected: true, $"the registrar refused the credentials of '{_account.EffectiveAuthUser}' ({RegistrarResponseReader.Describe(response)} to our answer)");
                return;
            }
        }

        if (++_challengesThisRound > MaxChallengesPerRound)
        {
            Fail(attempt, rejected: true, "the registrar kept challenging (" + RegistrarResponseReader.Describe(response) + ")");
            return;
        }

        if (status == 401)
        {
            _registrarChallenge = response;
        }
        else
        {
            _proxyChallenge = response;
        }

        var request = NewRequest(attempt.Unregister);
        if (!request.Headers.Contains(status == 401 ? SipHeaderNames.Authorization : SipHeaderNames.ProxyAuthorization))
        {
            ForgetChallenge(status);
            Fail(attempt, rejected: true, $"the registrar's {RegistrarResponseReader.Describe(response)} carries no usable challenge (Digest with qop=auth, MD5 or SHA-256)");
            return;
        }

        RegistrationLog.AnsweringChallenge(_logger, Name, status, CallId);
        Send(new RegistrationAttempt(request, attempt.Unregister, attempt.Expires) { AnsweredStatus = status, AnsweredNonces = nonces });
    }

    private void ForgetChallenge(int status)
    {
        if (status == 401)
        {
            _registrarChallenge = null;
        }
        else
        {
            _proxyChallenge = null;
        }
    }

    private void RetryWithMinExpires(RegistrationAttempt attempt, SipResponse response)
    {
        var minimum = RegistrarResponseReader.MinExpires(response);
        if (minimum is not { } seconds || seconds <= attempt.Expires || seconds > SipRegistrationAccount.MaxExpiresSeconds
            || ++_intervalRetriesThisRound > MaxIntervalRetriesPerRound)
        {
            var shown = minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            Fail(attempt, rejected: true, $"the registrar answered 423 Interval Too Brief with an unusable Min-Expires ({shown}; asked {attempt.Expires} s)");
            return;
        }

        RegistrationLog.IntervalTooBrief(_logger, Name, (int)seconds, attempt.Expires, CallId);
        _requestedExpires = (int)seconds;
        Send(new RegistrationAttempt(NewRequest(unregister: false), unregister: false, _requestedExpires));
    }

    private void Succeed(RegistrationAttempt attempt, SipResponse response)
    {
        var granted = RegistrarResponseReader.GrantedSeconds(response, _requests.ContactUri, attempt.Expires, out var problem);
        if (problem is not null)
        {
            RegistrationLog.OddGrant(_logger, Name, problem, granted, CallId);
        }

        if (granted <= 0)
        {
            Fail(attempt, rejected: false, "the registrar answered 2xx but granted our contact 0 s");
            return;
        }

        _current = null;
        var now = _time.GetUtcNow();
        var refresh = RefreshDelay(granted);
        _failures = 0;
        _lastError = null;
        _expiresAt = now.AddSeconds(granted);
        _nextAttemptAt = now + refresh;
        _nextAttemptTimer.Change(refresh, Timeout.InfiniteTimeSpan);
        _lapseTimer.Change(TimeSpan.FromSeconds(granted), Timeout.InfiniteTimeSpan);
        RegistrationLog.Registered(_logger, Name, granted, (int)refresh.TotalSeconds, CallId);
        SetState(SipRegistrationState.Registered);
    }

    /// <summary>Half the granted time; for short grants, early enough that a timed-out refresh can still be retried.</summary>
    private static TimeSpan RefreshDelay(int grantedSeconds)
    {
        var granted = TimeSpan.FromSeconds(grantedSeconds);
        var delay = granted >= 2 * RefreshMargin
            ? granted / 2
            : TimeSpan.FromTicks(Math.Max((granted - RefreshMargin).Ticks, (granted / 4).Ticks));
        return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
    }

    private void Fail(RegistrationAttempt attempt, bool rejected, string reason, TimeSpan? retryAfter = null)
    {
        _current = null;
        if (attempt.Unregister)
        {
            FinishUnregister(reason, sent: true);
            return;
        }

        _lastError = reason;
        _failures++;
        var now = _time.GetUtcNow();
        var delay = RetryBackoff.Next(rejected ? _rejectedRetryDelay : _retryDelay, _maxRetryDelay, _failures, retryAfter, Random.Shared.NextDouble());
        _nextAttemptAt = now + delay;
        _nextAttemptTimer.Change(delay, Timeout.InfiniteTimeSpan);
        RegistrationLog.Failed(_logger, Name, reason, (int)Math.Ceiling(delay.TotalSeconds), CallId);
        if (_expiresAt is not { } expires || expires <= now)
        {
            // A binding the registrar still holds keeps us Registered while we retry; otherwise we are down.
            _expiresAt = null;
            SetState(SipRegistrationState.Failed);
        }
    }

    private void FinishUnregister(string? error, bool sent)
    {
        _current = null;
        _expiresAt = null;
        CancelTimers();
        if (error is not null)
        {
            _lastError = error;
            RegistrationLog.UnregisterFailed(_logger, Name, error, CallId);
        }
        else if (sent)
        {
            RegistrationLog.Unregistered(_logger, Name, CallId);
        }

        SetState(SipRegistrationState.Unregistered);
        _unregistered?.TrySetResult();
        _unregistered = null;
    }
}
