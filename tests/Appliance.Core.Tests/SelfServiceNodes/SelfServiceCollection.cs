namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>
/// The self-service flow tests wait in real time for bank requests on the thread pool between manual-clock ticks; run
/// alone, they are not starved by the rest of the suite's parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SelfServiceCollection
{
    public const string Name = "self-service";
}
