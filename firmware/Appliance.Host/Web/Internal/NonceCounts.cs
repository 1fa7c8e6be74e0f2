namespace Appliance.Host.Web.Internal;

/// <summary>
/// The highest nonce count seen per live nonce: a request must count above it (RFC 7616 §3.4: nc increases with each
/// request on a nonce), so the same Authorization header never works twice. Expired nonces are forgotten as new ones
/// arrive; only authenticated requests get here, so the table stays as small as the desktops' traffic.
/// </summary>
internal sealed class NonceCounts
{
    private const int PruneAbove = 1024;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (uint Count, DateTimeOffset IssuedAt)> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="count"/> for <paramref name="nonce"/>; false when it is not above the last one.</summary>
    public bool TryUse(string nonce, uint count, DateTimeOffset issuedAt, DateTimeOffset expiredBefore)
    {
        lock (_gate)
        {
            if (_seen.TryGetValue(nonce, out var last) && count <= last.Count)
            {
                return false;
            }

            if (_seen.Count >= PruneAbove)
            {
                foreach (var expired in _seen.Where(e => e.Value.IssuedAt < expiredBefore).Select(e => e.Key).ToList())
                {
                    _seen.Remove(expired);
                }
            }

            _seen[nonce] = (count, issuedAt);
            return true;
        }
    }
}
