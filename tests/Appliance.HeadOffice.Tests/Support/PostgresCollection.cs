namespace Appliance.HeadOffice.Tests.Support;

/// <summary>Every test class shares one PostgreSQL server per run (each class still gets its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
