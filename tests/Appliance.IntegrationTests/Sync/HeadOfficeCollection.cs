namespace Appliance.IntegrationTests.Sync;

/// <summary>The sync tests share one PostgreSQL and head office (each test enrols its own branch) and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class HeadOfficeCollection : ICollectionFixture<HeadOfficeSite>
{
    public const string Name = "head office";
}
