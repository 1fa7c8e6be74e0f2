using Appliance.Banking;
using Appliance.Core.Ivr;
using Appliance.Core.Persistence;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Wires the IVR's self-service nodes: the transaction writer and <see cref="SelfService"/> over whatever
/// <see cref="ICoreBanking"/> the bank connector registers (none: the nodes send callers to their failure exit).
/// </summary>
internal static class SelfServiceComposition
{
    public static void AddSelfService(IServiceCollection services)
    {
        services.AddSingleton(sp => new BackgroundTransactionStore(
            sp.GetRequiredService<TransactionRepository>(),
            sp.GetService<IOptions<OutboxPumpOptions>>()?.Value.BranchId is { Length: > 0 } branch ? branch : "branch",
            sp.GetRequiredService<ILogger<BackgroundTransactionStore>>()));
        services.AddSingleton<ISelfServiceTransactions>(sp => sp.GetRequiredService<BackgroundTransactionStore>());
        services.AddSingleton(sp => new SelfService(
            sp.GetRequiredService<MediaClock>(),
            sp.GetService<ICoreBanking>(),
            sp.GetRequiredService<ISelfServiceTransactions>(),
            sp.GetRequiredService<ILogger<SelfService>>()));
    }
}
