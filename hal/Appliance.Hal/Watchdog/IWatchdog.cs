namespace Appliance.Hal.Watchdog;

/// <summary>
/// The hardware watchdog: once started, the board resets unless <see cref="Kick"/> is called
/// within the timeout. It is what gets a hung box back without a technician.
/// </summary>
public interface IWatchdog
{
    /// <summary>Whether the watchdog is armed.</summary>
    bool IsRunning { get; }

    /// <summary>Arms the watchdog with <paramref name="timeout"/>; restarting changes the timeout.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The hardware cannot do this timeout.</exception>
    void Start(TimeSpan timeout);

    /// <summary>Resets the countdown.</summary>
    /// <exception cref="InvalidOperationException">The watchdog is not running.</exception>
    void Kick();

    /// <summary>Disarms the watchdog (an orderly shutdown).</summary>
    void Stop();
}
