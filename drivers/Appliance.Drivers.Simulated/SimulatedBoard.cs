using System.Globalization;
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
/// a watchdog on the injected clock, and GPIO pins in memory.
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

    /// <summary>The board's GPIO chip, for a System.Device.Gpio <c>GpioController</c>.</summary>
    public SimulatedGpioDriver Gpio { get; }

    IReadOnlyList<IAnalogLinePort> IBoard.LinePorts => LinePorts;

    IReadOnlyList<ILed> IBoard.Leds => Leds;

    IWatchdog? IBoard.Watchdog => Watchdog;

    /// <summary>The LED called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No LED has that name.</exception>
    public SimulatedLed Led(string name)
        => Leds.FirstOrDefault(led => string.Equals(led.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new ArgumentException($"The simulated board has no LED called '{name}'; it has {string.Join(", ", Leds.Select(l => l.Name))}.", nameof(name));

    /// <inheritdoc />
    public void Dispose()
    {
        Exchange.Dispose();
        Watchdog.Dispose();
        Gpio.Dispose();
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
