namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>
/// Marks a test class that needs real hardware, named by <paramref name="environmentVariable"/>; without it set, the
/// class's <see cref="ContractFactAttribute"/> tests are reported skipped with <paramref name="howToRun"/> as the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HardwareTestAttribute(string environmentVariable, string howToRun) : Attribute
{
    public string EnvironmentVariable { get; } = environmentVariable;

    public string HowToRun { get; } = howToRun;

    /// <summary>Why the tests of <paramref name="testClass"/> cannot run here, or null when they can.</summary>
    public static string? SkipReasonFor(Type testClass)
    {
        var gate = (HardwareTestAttribute?)GetCustomAttribute(testClass, typeof(HardwareTestAttribute));
        if (gate is null || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(gate.EnvironmentVariable)))
        {
            return null;
        }

        return $"{gate.EnvironmentVariable} is not set: {gate.HowToRun}";
    }
}
