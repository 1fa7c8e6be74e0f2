using System.Collections.Frozen;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Agents' digest HA1 hashes, for the realm in force (hashes made for another realm do not count), held in memory so
/// the registrar on the media loop never waits on SQLite. <see cref="Reload"/> runs at start and on the SIP sweep timer,
/// so a password set with `appliance agent password` takes effect within one sweep.
/// </summary>
internal sealed class SipCredentialCache(ApplianceDatabase database, IOptions<DigestChallengerOptions> digest)
{
    private volatile FrozenDictionary<string, SipCredentialRecord> _byExtension = FrozenDictionary<string, SipCredentialRecord>.Empty;

    /// <summary>Reads every enabled agent's credentials; a failed read keeps the previous set (and is retried next sweep).</summary>
    public void Reload()
    {
        try
        {
            _byExtension = new SipCredentialRepository(database).ListEnabled()
                .Where(r => r.Realm == digest.Value.Realm)
                .ToFrozenDictionary(r => r.Extension, StringComparer.Ordinal);
        }
        catch (StorageException)
        {
        }
    }

    public string? FindHa1(string extension, DigestAlgorithm algorithm)
    {
        if (!_byExtension.TryGetValue(extension, out var record))
        {
            return null;
        }

        return algorithm == DigestAlgorithm.Sha256 ? record.Ha1Sha256 : record.Ha1Md5;
    }
}
