namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// Waits on another process's progress (head office's database, the box's file). Those are separate processes with
/// real clocks, so this polls with a hard bound; in-process tests use manual time instead.
/// </summary>
internal static class SyncWaits
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not reached within {limit.TotalSeconds} s: {explain()}");
            }

            await Task.Delay(50);
        }
    }
}
