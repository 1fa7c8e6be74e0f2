using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Lines;

/// <summary>The simulated exchange as the far end of port 1.</summary>
internal sealed class SimulatedLinePortHarness : LinePortHarness
{
    private readonly SimRig _rig = new();
    private SimulatedCall? _call;

    public override IAnalogLinePort Port => _rig.Port(1);

    public override TimeSpan RingCycle => _rig.Exchange.Country.RingCadence.CycleLength;

    public override void StartIncomingCall() => _call = _rig.Exchange.PlaceCall(1, new SimulatedCallRequest());

    public override void FarEndSends(short[] samples) => Call.PlaySamples(samples);

    public override short[] FarEndHeard() => Call.ReceivedAudio.ToArray();

    public override void FarEndHangsUp() => Call.HangUpNow();

    public override void KillLine() => _rig.Exchange.KillLine(1);

    public override void RestoreLine() => _rig.Exchange.RestoreLine(1);

    public override void Advance(TimeSpan duration) => _rig.Time.Advance(duration);

    protected override void Dispose(bool disposing) => _rig.Dispose();

    private SimulatedCall Call => _call ?? throw new InvalidOperationException("No call was started.");
}
