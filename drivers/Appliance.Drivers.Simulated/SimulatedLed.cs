using Appliance.Hal.Leds;

namespace Appliance.Drivers.Simulated;

/// <summary>A front-panel LED that remembers its state and how often it changed, for tests and the admin page.</summary>
public sealed class SimulatedLed(string name) : ILed
{
    private readonly object _gate = new();
    private LedState _state = LedState.Off;

    /// <summary>Raised on the setting thread when the state changes.</summary>
    public event EventHandler? StateChanged;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public LedState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>How many times the state changed.</summary>
    public int ChangeCount { get; private set; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">Not a defined LED state.</exception>
    public void Set(LedState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown LED state.");
        }

        lock (_gate)
        {
            if (_state == state)
            {
                return;
            }

            _state = state;
            ChangeCount++;
        }

        StateChanged?.Invoke(this, EventArgs.Empty);
    }
}
