namespace Appliance.Telephony.Bridging;

/// <summary>Sees both legs' received audio of a bridge each tick: a recorder, a supervisor's listen-in.</summary>
public interface IBridgeTap : IDisposable
{
    /// <summary>One tick: what leg A's far end said, and what leg B's far end said.</summary>
    void OnFrames(ReadOnlySpan<short> legA, ReadOnlySpan<short> legB);
}
