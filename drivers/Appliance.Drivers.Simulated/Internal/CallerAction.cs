namespace Appliance.Drivers.Simulated.Internal;

/// <summary>What a control step asks the exchange to do.</summary>
internal enum CallerAction
{
    None,
    HangUp,
    KillLine,
    RestoreLine,
}
