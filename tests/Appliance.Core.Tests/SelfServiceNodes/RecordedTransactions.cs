using Appliance.Core.Ivr;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>Keeps the transactions the IVR reports, in order.</summary>
internal sealed class RecordedTransactions : ISelfServiceTransactions
{
    private readonly List<SelfServiceTransaction> _all = [];

    public IReadOnlyList<SelfServiceTransaction> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public void Record(SelfServiceTransaction transaction)
    {
        lock (_all)
        {
            _all.Add(transaction);
        }
    }
}
