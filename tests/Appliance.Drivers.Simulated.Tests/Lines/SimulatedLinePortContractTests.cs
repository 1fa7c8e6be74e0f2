namespace Appliance.Drivers.Simulated.Tests.Lines;

/// <summary>The simulated line port passes the line-port contract.</summary>
public sealed class SimulatedLinePortContractTests : LinePortContractTests
{
    protected override LinePortHarness CreateHarness() => new SimulatedLinePortHarness();
}
