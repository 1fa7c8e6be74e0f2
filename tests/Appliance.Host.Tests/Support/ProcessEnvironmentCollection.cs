namespace Appliance.Host.Tests.Support;

/// <summary>
/// Tests that change this process's environment. xUnit runs a collection that disables parallelization after all the
/// others and on its own, so no other in-process appliance can see the variables.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
