using Appliance.Host.Composition;
using Appliance.Host.Tests.Support;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Composition;

/// <summary>The registrar's in-memory copy of the agents' digest hashes: what it holds, and when a new password shows.</summary>
public sealed class SipCredentialCacheTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly ApplianceDatabase _database;

    public SipCredentialCacheTests()
    {
        _database = new ApplianceDatabase(_data.File("appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        _database.Migrate();
        new AgentRepository(_database).Upsert(new AgentRecord("2001", "SIP agent", "2001"));
    }

    public void Dispose()
    {
        _database.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void A_password_set_while_running_counts_from_the_next_reload_and_only_for_the_realm_in_force()
    {
        var cache = new SipCredentialCache(_database, Options.Create(new DigestChallengerOptions { Realm = "appliance" }));
        cache.Reload();
        Assert.Null(cache.FindHa1("2001", DigestAlgorithm.Md5));

        SetPassword("appliance", "pw-one-2001");
        Assert.Null(cache.FindHa1("2001", DigestAlgorithm.Md5)); // the media loop reads memory only
        cache.Reload();
        Assert.Equal(DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "2001", "appliance", "pw-one-2001"), cache.FindHa1("2001", DigestAlgorithm.Md5));
        Assert.Equal(DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "2001", "appliance", "pw-one-2001"), cache.FindHa1("2001", DigestAlgorithm.Sha256));
        Assert.Null(cache.FindHa1("2002", DigestAlgorithm.Md5));

        SetPassword("another-realm", "pw-two-2001");
        cache.Reload();
        Assert.Null(cache.FindHa1("2001", DigestAlgorithm.Md5));
    }

    private void SetPassword(string realm, string password) =>
        new SipCredentialRepository(_database).Set(
            "2001",
            realm,
            DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "2001", realm, password),
            DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "2001", realm, password),
            DateTimeOffset.UtcNow);
}
