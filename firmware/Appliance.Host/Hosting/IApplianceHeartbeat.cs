namespace Appliance.Host.Hosting;

/// <summary>
/// A count that keeps rising while the appliance does its work (the media clock's completed ticks). The watchdogs are
/// fed only while it moves, so a box whose media loop hangs is restarted instead of holding its lines dead.
/// </summary>
public interface IApplianceHeartbeat
{
    /// <summary>Beats so far. Reading it must not wait on anything.</summary>
    long Beats { get; }
}
