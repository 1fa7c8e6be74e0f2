using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Globalization;
using Appliance.Drivers.Simulated.Tests.Support;

namespace Appliance.Drivers.Simulated.Tests.Contracts;

/// <summary>
/// The same contract against System.Device.Gpio's <see cref="LibGpiodDriver"/> on a real GPIO chip, with a wire between
/// two of its lines. Runs only where <see cref="Variable"/> names them; elsewhere every test reports skipped.
/// </summary>
[HardwareTest(Variable, "set it to CHIP:OUT:IN (e.g. 0:17:27) to run the GPIO driver contract on /dev/gpiochipCHIP with a wire from line OUT to line IN")]
public sealed class LibGpiodDriverContractTests : GpioDriverContract
{
    /// <summary>The environment variable naming the chip and the loopback pair.</summary>
    public const string Variable = "APPLIANCE_TEST_GPIO_LOOPBACK";

    private readonly int _chip;

    public LibGpiodDriverContractTests()
    {
        var setting = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(setting))
        {
            return; // every test is reported skipped; nothing here runs
        }

        var parts = setting.Split(':');
        if (parts.Length != 3 || !TryParse(parts[0], out _chip) || !TryParse(parts[1], out var output) || !TryParse(parts[2], out var input) || output == input)
        {
            throw new InvalidOperationException($"{Variable}='{setting}' must be CHIP:OUT:IN with three different non-negative numbers for the last two, e.g. 0:17:27.");
        }

        OutputPin = output;
        InputPin = input;
    }

    protected override int OutputPin { get; }

    protected override int InputPin { get; }

    protected override GpioDriver CreateDriver() => new LibGpiodDriver(_chip);

    private static bool TryParse(string text, out int value)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
