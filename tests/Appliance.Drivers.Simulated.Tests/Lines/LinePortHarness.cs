using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Lines;

/// <summary>
/// What <see cref="LinePortContractTests"/> needs from a line port implementation: the port, and
/// the far end of its line (an exchange, simulated or a test rig on real hardware).
/// </summary>
public abstract class LinePortHarness : IDisposable
{
    /// <summary>The port under test, idle and on hook.</summary>
    public abstract IAnalogLinePort Port { get; }

    /// <summary>One full ring cycle of the line's cadence (burst(s) and silence).</summary>
    public abstract TimeSpan RingCycle { get; }

    /// <summary>An inbound call arrives: the line starts ringing within one frame or so.</summary>
    public abstract void StartIncomingCall();

    /// <summary>The connected far end sends these samples, then silence.</summary>
    public abstract void FarEndSends(short[] samples);

    /// <summary>Everything the far end heard from the box since it answered.</summary>
    public abstract short[] FarEndHeard();

    /// <summary>The far end hangs up.</summary>
    public abstract void FarEndHangsUp();

    /// <summary>The line loses its battery voltage.</summary>
    public abstract void KillLine();

    /// <summary>The line's voltage comes back.</summary>
    public abstract void RestoreLine();

    /// <summary>Lets <paramref name="duration"/> pass (a simulated clock steps in 20 ms ticks; a hardware rig waits).</summary>
    public abstract void Advance(TimeSpan duration);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the port and its far end.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
