using System.ComponentModel.DataAnnotations;

namespace Appliance.Host.Hosting;

/// <summary>
/// The board's hardware watchdog (section "Watchdog"). The systemd watchdog needs no setting: its interval comes from the
/// unit's WatchdogSec, through WATCHDOG_USEC.
/// </summary>
public sealed class WatchdogOptions
{
    public const string SectionName = "Watchdog";

    /// <summary>
    /// Seconds the board may go unfed before it resets itself; 0 leaves the board's watchdog alone. Longer than the unit's
    /// WatchdogSec (30 s), so that a hung media loop is first met by systemd's gentler restart of the service.
    /// </summary>
    [Range(0, 600)]
    public int BoardTimeoutSeconds { get; set; } = 60;
}
