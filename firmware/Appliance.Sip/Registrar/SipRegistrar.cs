using System.Globalization;
using System.Net;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Registrar;

/// <summary>
/// A registrar (RFC 3261 §10.3) for the box's own users: digest authentication against stored HA1 hashes, several
/// contacts per user, expiry (checked against the injected clock on every lookup) and un-registration by expires=0 or "*".
/// Thread-safe. Replies for unknown users and wrong passwords are the same challenge.
/// </summary>
public sealed class SipRegistrar
{
    private readonly SipRegistrarOptions _options;
    private readonly DigestChallenger _challenger;
    private readonly TimeProvider _time;
    private readonly Func<string, DigestAlgorithm, string?> _findHa1;
    private readonly Dictionary<string, List<SipBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="findHa1">The HA1 of a user for an algorithm, or null when there is no such user.</param>
    public SipRegistrar(IOptions<SipRegistrarOptions> options, DigestChallenger challenger, TimeProvider time, Func<string, DigestAlgorithm, string?> findHa1)
    {
        _options = options.Value;
        _challenger = challenger;
        _time = time;
        _findHa1 = findHa1;
    }

    /// <summary>Raised (outside the lock) when a user goes from no contacts to some, or back; true means registered.</summary>
    public event Action<string, bool>? PresenceChanged;

    /// <summary>A user's live contacts, most recently registered first.</summary>
    public IReadOnlyList<SipBinding> Lookup(string user)
    {
        lock (_gate)
        {
            return _bindings.TryGetValue(user, out var list) ? Live(list).OrderByDescending(b => b.ExpiresAt).ToList() : [];
        }
    }

    /// <summary>Users with at least one live contact.</summary>
    public IReadOnlyList<string> RegisteredUsers()
    {
        lock (_gate)
        {
            return _bindings.Where(p => Live(p.Value).Any()).Select(p => p.Key).ToList();
        }
    }

    /// <summary>Drops expired bindings and reports users who thereby became unregistered. Call it now and then (e.g. every few seconds).</summary>
    public void Sweep()
    {
        List<string> gone;
        lock (_gate)
        {
            gone = _bindings.Where(p => p.Value.Count > 0 && !Live(p.Value).Any()).Select(p => p.Key).ToList();
            foreach (var user in gone)
            {
                _bindings.Remove(user);
            }
        }

        foreach (var user in gone)
        {
            PresenceChanged?.Invoke(user, false);
        }
    }

    /// <summary>Processes one REGISTER from <paramref name="source"/> and returns the response to send.</summary>
    public SipResponse Handle(SipRequest register, IPEndPoint source, string transport, out SipRegistrationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(register);
        var verification = _challenger.VerifyHashed(register, _findHa1);
        if (!verification.IsAuthenticated)
        {
            outcome = verification.Verdict == DigestVerdict.Rejected ? SipRegistrationOutcome.Rejected : SipRegistrationOutcome.Challenged;
            return _challenger.CreateChallengeResponse(register, verification.Verdict == DigestVerdict.Stale, Dialogs.SipIdentifiers.NewTag());
        }

        var user = verification.Username!;
        outcome = SipRegistrationOutcome.Refused;
        if (register.To.Uri.User != user)
        {
            // Authenticated as one user, registering another's address of record (§10.3 step 6).
            return SipResponse.CreateFor(register, 403, "Forbidden", Dialogs.SipIdentifiers.NewTag());
        }

        var now = _time.GetUtcNow();
        var changes = new List<(SipUri Contact, int Expires)>();
        var wildcard = register.Headers.GetAll(SipHeaderNames.Contact).Any(c => c.Trim() == "*");
        if (wildcard)
        {
            if (register.Headers.CountOf(SipHeaderNames.Contact) != 1 || ExpiresHeader(register) != 0)
            {
                return SipResponse.CreateFor(register, 400, "Bad Request", Dialogs.SipIdentifiers.NewTag());
            }
        }
        else
        {
            foreach (var contact in register.Contacts)
            {
                var requested = ContactExpires(contact) ?? ExpiresHeader(register) ?? _options.DefaultExpiresSeconds;
                if (requested > 0 && requested < _options.MinExpiresSeconds)
                {
                    var brief = SipResponse.CreateFor(register, 423, "Interval Too Brief", Dialogs.SipIdentifiers.NewTag());
                    brief.Headers.Add("Min-Expires", _options.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture));
                    return brief;
                }

                changes.Add((contact.Uri, Math.Min(requested, _options.MaxExpiresSeconds)));
            }
        }

        outcome = SipRegistrationOutcome.Accepted;
        bool before;
        bool after;
        List<SipBinding> current;
        lock (_gate)
        {
            var list = _bindings.TryGetValue(user, out var existing) ? existing : _bindings[user] = [];
            list.RemoveAll(b => b.ExpiresAt <= now);
            before = list.Count > 0;
            if (wildcard)
            {
                // Ordering rule of §10.3 step 6 applied to "*": an older request must not remove newer bindings.
                list.RemoveAll(b => b.CallId != register.CallId || b.Sequence < register.CSeq.Sequence);
            }

            foreach (var (contact, expires) in changes)
            {
                Apply(list, new SipBinding(user, contact, source, transport, now.AddSeconds(expires), register.CallId ?? string.Empty, register.CSeq.Sequence), expires);
            }

            after = list.Count > 0;
            current = [.. list];
        }

        if (before != after)
        {
            PresenceChanged?.Invoke(user, after);
        }

        var ok = SipResponse.CreateFor(register, 200, "OK", Dialogs.SipIdentifiers.NewTag());
        foreach (var binding in current)
        {
            var left = (int)Math.Max(0, (binding.ExpiresAt - now).TotalSeconds);
            ok.Headers.Add(SipHeaderNames.Contact, $"<{binding.Contact}>;expires={left.ToString(CultureInfo.InvariantCulture)}");
        }

        ok.Headers.Add(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return ok;
    }

    private void Apply(List<SipBinding> list, SipBinding binding, int expires)
    {
        var index = list.FindIndex(b => b.Contact.ToString() == binding.Contact.ToString());
        if (index >= 0)
        {
            var old = list[index];
            if (old.CallId == binding.CallId && old.Sequence > binding.Sequence)
            {
                return; // an out-of-order retransmission of an older REGISTER
            }

            list.RemoveAt(index);
        }

        if (expires == 0)
        {
            return;
        }

        if (list.Count >= _options.MaxContactsPerUser)
        {
            list.Remove(list.MinBy(b => b.ExpiresAt)!);
        }

        list.Add(binding);
    }

    private IEnumerable<SipBinding> Live(List<SipBinding> list)
    {
        var now = _time.GetUtcNow();
        return list.Where(b => b.ExpiresAt > now);
    }

    private static int? ContactExpires(NameAddress contact) =>
        contact.Parameters["expires"] is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? ExpiresHeader(SipRequest request)
    {
        var text = request.Headers[SipHeaderNames.Expires];
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SipParseException("Malformed Expires header.");
    }
}
