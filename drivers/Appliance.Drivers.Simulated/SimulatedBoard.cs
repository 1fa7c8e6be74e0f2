using System.Device.Gpio;
using System.Globalization;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips;
using Appliance.Drivers.Simulated.Internal;
using Appliance.Hal.Boards;
using Appliance.Hal.Leds;
using Appliance.Hal.Lines;
using Appliance.Hal.Watchdog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// The board the appliance runs on when no hardware is present: line ports on a
/// <see cref="SimulatedExchange"/>, front-panel LEDs ("power", "status", "sync", then "line1".."lineN"),
/// a watchdog on the injected clock, GPIO pins in memory, and two buses with stock chips at register level: an MCP23017
/// expander for the front panel on I2C and an MCP3008 per eight lines sensing line voltage on SPI
/// (<see cref="SimulatedBoardWiring"/> says where each is).
/// </summary>
public sealed class SimulatedBoard : IBoard, IDisposable
{
    /// <summary>The model name the board reports.</summary>
    public const string ModelName = "Simulated FXO board";

    /// <summary>The hardware revision the board reports.</summary>
    public const string RevisionName = "sim-1";

    /// <summary>GPIO pins on the simulated chip.</summary>
    public const int GpioPinCount = 32;

    /// <summary>Builds the board and starts its exchange.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each bad setting.</exception>
    public SimulatedBoard(IOptions<SimulatedBoardOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = options.Value;
        Exchange = new SimulatedExchange(settings, timeProvider, loggerFactory.CreateLogger<SimulatedExchange>());
        LinePorts = Exchange.Ports;
        Leds = [.. LedNames(settings.LineCount).Select(name => new SimulatedLed(name))];
        Watchdog = new SimulatedWatchdog(timeProvider, loggerFactory.CreateLogger<SimulatedWatchdog>());
        Gpio = new SimulatedGpioDriver(GpioPinCount);
        I2c = new SimulatedI2cBus(SimulatedBoardWiring.I2cBusId);
        I2c.Attach(SimulatedBoardWiring.FrontPanelAddress, FrontPanel);
        FrontPanel.InterruptLinesChanged += (_, _) => FollowInterruptLines();
        FollowInterruptLines();
        Spi = new SimulatedSpiBus(SimulatedBoardWiring.SpiBusId);
        LineSense = [.. SenseChips(LinePorts, Spi)];
        Description = new BoardDescription(
            ModelName,
            RevisionName,
            settings.SerialNumber,
            [.. LinePorts.Select(port => new LinePortDescription(port.PortNumber, port.Label))],
            [.. Leds.Select(led => led.Name)],
            hasWatchdog: true);
        BoardLog.BoardReady(loggerFactory.CreateLogger<SimulatedBoard>(), ModelName, settings.SerialNumber, settings.LineCount);
    }

    /// <inheritdoc />
    public BoardDescription Description { get; }

    /// <summary>The exchange behind the line ports: place calls and break lines here.</summary>
    public SimulatedExchange Exchange { get; }

    /// <summary>The line ports, port 1 first.</summary>
    public IReadOnlyList<SimulatedLinePort> LinePorts { get; }

    /// <summary>The front-panel LEDs.</summary>
    public IReadOnlyList<SimulatedLed> Leds { get; }

    /// <summary>The watchdog.</summary>
    public SimulatedWatchdog Watchdog { get; }

    /// <summary>The board's GPIO chip, for a System.Device.Gpio <see cref="GpioController"/>.</summary>
    public SimulatedGpioDriver Gpio { get; }

    /// <summary>The I2C bus with the front panel's expander; open devices with <see cref="SimulatedI2cBus.OpenDevice"/>.</summary>
    public SimulatedI2cBus I2c { get; }

    /// <summary>The SPI bus with the line-voltage sense ADCs; open devices with <see cref="SimulatedSpiBus.OpenDevice"/>.</summary>
    public SimulatedSpiBus Spi { get; }

    /// <summary>The front panel's MCP23017: LEDs on GPA0–GPA7, the front button on GPB0, INTA/INTB to host GPIO pins 20/21.</summary>
    public Mcp23017Simulator FrontPanel { get; } = new();

    /// <summary>The line-voltage sense ADCs, chip select 0 first (lines 1–8, then 9–16, …).</summary>
    public IReadOnlyList<Mcp3x0xSimulator> LineSense { get; }

    IReadOnlyList<IAnalogLinePort> IBoard.LinePorts => LinePorts;

    IReadOnlyList<ILed> IBoard.Leds => Leds;

    IWatchdog? IBoard.Watchdog => Watchdog;

    /// <summary>The LED called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No LED has that name.</exception>
    public SimulatedLed Led(string name)
        => Leds.FirstOrDefault(led => string.Equals(led.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new ArgumentException($"The simulated board has no LED called '{name}'; it has {string.Join(", ", Leds.Select(l => l.Name))}.", nameof(name));

    /// <summary>Someone presses the front button (it pulls GPB0 low).</summary>
    public void PressFrontButton() => FrontPanel.DriveInput(SimulatedBoardWiring.FrontButtonPin, PinValue.Low);

    /// <summary>The front button is let go (GPB0 floats; the expander's pull-up, if enabled, takes it high).</summary>
    public void ReleaseFrontButton() => FrontPanel.ReleaseInput(SimulatedBoardWiring.FrontButtonPin);

    /// <inheritdoc />
    public void Dispose()
    {
        Exchange.Dispose();
        Watchdog.Dispose();
        Gpio.Dispose();
    }

    private static IEnumerable<Mcp3x0xSimulator> SenseChips(IReadOnlyList<SimulatedLinePort> ports, SimulatedSpiBus spi)
    {
        for (var first = 0; first < ports.Count; first += SimulatedBoardWiring.LinesPerSenseChip)
        {
            var sensed = ports.Skip(first).Take(SimulatedBoardWiring.LinesPerSenseChip).ToArray();
            var chip = new Mcp3x0xSimulator(
                Mcp3x0xModel.Mcp3008,
                SimulatedBoardWiring.SenseReferenceVolts,
                channel => channel < sensed.Length ? SimulatedBoardWiring.LineVolts(sensed[channel]) / SimulatedBoardWiring.SenseDivider : 0);
            spi.Attach(SimulatedBoardWiring.SenseChipSelect(sensed[0].PortNumber), chip);
            yield return chip;
        }
    }

    // The INT lines reach the host's pins; released (open drain, inactive) they read high through the board's pull-ups.
    private void FollowInterruptLines()
    {
        Gpio.DriveInput(SimulatedBoardWiring.FrontPanelInterruptAPin, FrontPanel.InterruptA ?? PinValue.High);
        Gpio.DriveInput(SimulatedBoardWiring.FrontPanelInterruptBPin, FrontPanel.InterruptB ?? PinValue.High);
    }

    private static IEnumerable<string> LedNames(int lineCount)
    {
        yield return "power";
        yield return "status";
        yield return "sync";
        for (var line = 1; line <= lineCount; line++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"line{line}");
        }
    }
}
