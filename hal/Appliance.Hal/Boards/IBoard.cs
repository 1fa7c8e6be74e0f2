using Appliance.Hal.Leds;
using Appliance.Hal.Lines;
using Appliance.Hal.Watchdog;

namespace Appliance.Hal.Boards;

/// <summary>The hardware the appliance runs on: a real line-card board or the simulated one.</summary>
public interface IBoard
{
    /// <summary>What the board is and carries.</summary>
    BoardDescription Description { get; }

    /// <summary>The line ports, in the same order as <see cref="BoardDescription.LinePorts"/>.</summary>
    IReadOnlyList<IAnalogLinePort> LinePorts { get; }

    /// <summary>The front-panel LEDs, in the same order as <see cref="BoardDescription.Leds"/>.</summary>
    IReadOnlyList<ILed> Leds { get; }

    /// <summary>The hardware watchdog, or null when the board has none.</summary>
    IWatchdog? Watchdog { get; }
}
