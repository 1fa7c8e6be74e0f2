using Xunit.Sdk;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>
/// A fact of a contract base class. It runs like any fact, except in a derived class marked
/// <see cref="HardwareTestAttribute"/> whose environment variable is unset: there it is reported skipped, with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Appliance.Drivers.Simulated.Tests.Support.ContractFactDiscoverer", "Appliance.Drivers.Simulated.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
