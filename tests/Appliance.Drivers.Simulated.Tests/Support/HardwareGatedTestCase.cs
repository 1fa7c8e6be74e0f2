using Xunit.Abstractions;
using Xunit.Sdk;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>A fact whose skip reason comes from its class's <see cref="HardwareTestAttribute"/>, checked when the run starts.</summary>
public sealed class HardwareGatedTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer only.")]
    public HardwareGatedTestCase()
    {
    }

    public HardwareGatedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
        => HardwareTestAttribute.SkipReasonFor(TestMethod.TestClass.Class.ToRuntimeType()) ?? base.GetSkipReason(factAttribute);
}
