namespace Appliance.Banking.Tests;

/// <summary>The contract, run against the simulated core bank.</summary>
public sealed class SimulatedCoreBankContractTests : CoreBankingContractTests
{
    private protected override Task<ICoreBanking> CreateAsync(TestSeed seed) => Task.FromResult<ICoreBanking>(seed.CreateBank());
}
