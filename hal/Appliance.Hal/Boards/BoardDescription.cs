namespace Appliance.Hal.Boards;

/// <summary>
/// What a board is and carries: shown on the admin pages, written into the factory test report,
/// and used by telephony to know which line ports exist. Validated on construction, so a board
/// driver with a bad description fails at start instead of confusing everything downstream.
/// </summary>
public sealed record BoardDescription
{
    /// <summary>Describes a board.</summary>
    /// <exception cref="ArgumentException">A blank text, a port number below 1 or repeated, a blank label, or a repeated LED name.</exception>
    public BoardDescription(
        string model,
        string revision,
        string serialNumber,
        IReadOnlyList<LinePortDescription> linePorts,
        IReadOnlyList<string> leds,
        bool hasWatchdog)
    {
        RequireText(model, nameof(model));
        RequireText(revision, nameof(revision));
        RequireText(serialNumber, nameof(serialNumber));
        ArgumentNullException.ThrowIfNull(linePorts);
        ArgumentNullException.ThrowIfNull(leds);
        CheckPorts(linePorts);
        CheckLeds(leds);

        Model = model;
        Revision = revision;
        SerialNumber = serialNumber;
        LinePorts = [.. linePorts];
        Leds = [.. leds];
        HasWatchdog = hasWatchdog;
    }

    /// <summary>The board's model name.</summary>
    public string Model { get; }

    /// <summary>The hardware revision.</summary>
    public string Revision { get; }

    /// <summary>The unit's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>How many line ports the board has.</summary>
    public int LinePortCount => LinePorts.Count;

    /// <summary>The line ports, in the order the board lists them.</summary>
    public IReadOnlyList<LinePortDescription> LinePorts { get; }

    /// <summary>The names of the front-panel LEDs.</summary>
    public IReadOnlyList<string> Leds { get; }

    /// <summary>Whether the board has a hardware watchdog.</summary>
    public bool HasWatchdog { get; }

    private static void RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The board description's {name} must not be blank.", name);
        }
    }

    private static void CheckPorts(IReadOnlyList<LinePortDescription> ports)
    {
        var seen = new HashSet<int>();
        foreach (var port in ports)
        {
            ArgumentNullException.ThrowIfNull(port, nameof(ports));
            if (port.Number < 1)
            {
                throw new ArgumentException($"Line port number {port.Number} is invalid: port numbers start at 1.", nameof(ports));
            }

            if (!seen.Add(port.Number))
            {
                throw new ArgumentException($"Line port number {port.Number} appears more than once.", nameof(ports));
            }

            if (string.IsNullOrWhiteSpace(port.Label))
            {
                throw new ArgumentException($"Line port {port.Number} has a blank label.", nameof(ports));
            }
        }
    }

    private static void CheckLeds(IReadOnlyList<string> leds)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var led in leds)
        {
            if (string.IsNullOrWhiteSpace(led))
            {
                throw new ArgumentException("An LED name is blank.", nameof(leds));
            }

            if (!seen.Add(led))
            {
                throw new ArgumentException($"LED name '{led}' appears more than once.", nameof(leds));
            }
        }
    }
}
