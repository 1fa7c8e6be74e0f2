namespace Appliance.HeadOffice.Tests.Support;

/// <summary>
/// Base of the tests that push as one enrolled branch: each test gets head office on a fresh PostgreSQL database with
/// "branch-1" enrolled (its key in <see cref="Key"/>); <see cref="EnrolMoreAsync"/> adds what a test class needs more.
/// </summary>
public abstract class EnrolledBranchTests(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>The enrolled branch's id.</summary>
    protected const string Branch = "branch-1";

    /// <summary>Head office, running for this test.</summary>
    protected HeadOfficeHarness HeadOffice { get; private set; } = null!;

    /// <summary>The key <see cref="Branch"/> was enrolled with.</summary>
    protected string Key { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        HeadOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync());
        Key = await HeadOffice.EnrolAsync(Branch);
        await EnrolMoreAsync();
    }

    public async Task DisposeAsync() => await HeadOffice.DisposeAsync();

    /// <summary>Enrols (or revokes) further branches after <see cref="Branch"/>; nothing by default.</summary>
    protected virtual Task EnrolMoreAsync() => Task.CompletedTask;
}
