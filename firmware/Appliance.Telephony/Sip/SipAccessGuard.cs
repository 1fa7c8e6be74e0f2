using System.Globalization;
using System.Net;
using Appliance.Sip.Auth;
using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;
using Appliance.Sip.Registrar;
using Appliance.Telephony.Sip.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Sip;

/// <summary>
/// Guards everything that does not come from a trunk: REGISTER goes to the registrar, other requests must carry valid
/// digest credentials; an address that fails <see cref="SipSecurityOptions.MaxFailures"/> times in the window is banned, and
/// requests without credentials are rate-limited per address. Runs on the media loop (the endpoint posts requests there).
/// </summary>
public sealed class SipAccessGuard : ISipAccessControl
{
    private readonly SipRegistrar _registrar;
    private readonly DigestChallenger _challenger;
    private readonly Func<string, DigestAlgorithm, string?> _findHa1;
    private readonly SipSecurityOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SipAccessGuard> _logger;
    private readonly Dictionary<IPAddress, SourceRecord> _sources = [];

    public SipAccessGuard(
        SipRegistrar registrar,
        DigestChallenger challenger,
        Func<string, DigestAlgorithm, string?> findHa1,
        IOptions<SipSecurityOptions> options,
        TimeProvider time,
        ILogger<SipAccessGuard> logger)
    {
        _registrar = registrar;
        _challenger = challenger;
        _findHa1 = findHa1;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether <paramref name="address"/> is banned now.</summary>
    public bool IsBanned(IPAddress address) => _sources.TryGetValue(address, out var record) && record.BannedUntil > _time.GetUtcNow();

    /// <inheritdoc />
    public SipResponse Register(SipRequest request, IPEndPoint source, string transport)
    {
        if (Screen(request, source) is { } refusal)
        {
            return refusal;
        }

        var response = _registrar.Handle(request, source, transport, out var outcome);
        if (outcome == SipRegistrationOutcome.Rejected)
        {
            CountFailure(source, request);
        }
        else if (outcome == SipRegistrationOutcome.Accepted)
        {
            SipSecurityLog.Registered(_logger, source, request.To.Uri.User);
        }

        return response;
    }

    /// <inheritdoc />
    public SipResponse? Challenge(SipRequest request, IPEndPoint source) => Challenge(request, source, out _);

    /// <inheritdoc />
    public SipResponse? Challenge(SipRequest request, IPEndPoint source, out string? user)
    {
        user = null;
        if (Screen(request, source) is { } refusal)
        {
            return refusal;
        }

        var verification = _challenger.VerifyHashed(request, _findHa1);
        if (verification.IsAuthenticated)
        {
            user = verification.Username;
            return null;
        }

        if (verification.Verdict == DigestVerdict.Rejected)
        {
            CountFailure(source, request);
        }

        return _challenger.CreateChallengeResponse(request, verification.Verdict == DigestVerdict.Stale, SipIdentifiers.NewTag());
    }

    /// <summary>Drops what no longer matters (old failures, ended bans), so scanners cannot grow the table forever.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (address, record) in _sources.ToList())
        {
            if (record.BannedUntil <= now && record.LastSeen < now - TimeSpan.FromSeconds(_options.FailureWindowSeconds))
            {
                _sources.Remove(address);
            }
        }
    }

    private SipResponse? Screen(SipRequest request, IPEndPoint source)
    {
        var now = _time.GetUtcNow();
        var record = Record(source.Address, now);
        if (record.BannedUntil > now)
        {
            return SipResponse.CreateFor(request, 403, "Forbidden", SipIdentifiers.NewTag());
        }

        if (request.Headers.Contains(SipHeaderNames.Authorization))
        {
            return null;
        }

        // A token bucket per address: refills at the configured rate, holds one second's worth.
        var rate = _options.UnauthenticatedPerSecond;
        record.Tokens = Math.Min(rate, record.Tokens + ((now - record.Refilled).TotalSeconds * rate));
        record.Refilled = now;
        if (record.Tokens < 1)
        {
            var busy = SipResponse.CreateFor(request, 503, "Service Unavailable", SipIdentifiers.NewTag());
            busy.Headers.Add("Retry-After", "1");
            return busy;
        }

        record.Tokens--;
        return null;
    }

    private void CountFailure(IPEndPoint source, SipRequest request)
    {
        var now = _time.GetUtcNow();
        var record = Record(source.Address, now);
        var window = TimeSpan.FromSeconds(_options.FailureWindowSeconds);
        record.Failures.Enqueue(now);
        while (record.Failures.Count > 0 && record.Failures.Peek() <= now - window)
        {
            record.Failures.Dequeue();
        }

        SipSecurityLog.AuthenticationFailed(_logger, source, request.Method, request.CallId, record.Failures.Count);
        if (record.Failures.Count >= _options.MaxFailures)
        {
            record.BannedUntil = now.AddSeconds(_options.BanSeconds);
            record.Failures.Clear();
            SipSecurityLog.Banned(_logger, source.Address, _options.BanSeconds.ToString(CultureInfo.InvariantCulture));
        }
    }

    private SourceRecord Record(IPAddress address, DateTimeOffset now)
    {
        if (!_sources.TryGetValue(address, out var record))
        {
            record = new SourceRecord { Tokens = _options.UnauthenticatedPerSecond, Refilled = now };
            _sources[address] = record;
        }

        record.LastSeen = now;
        return record;
    }

    private sealed class SourceRecord
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset BannedUntil { get; set; }

        public double Tokens { get; set; }

        public DateTimeOffset Refilled { get; set; }

        public DateTimeOffset LastSeen { get; set; }
    }
}
