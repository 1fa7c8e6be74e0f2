using Xunit.Abstractions;
using Xunit.Sdk;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>Makes one <see cref="HardwareGatedTestCase"/> per <see cref="ContractFactAttribute"/> method.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new HardwareGatedTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod);
    }
}
