namespace Appliance.Drivers.Simulated;

/// <summary>One burst of ring voltage and the silence after it.</summary>
/// <param name="On">How long the ring voltage is on.</param>
/// <param name="Off">How long it then stays off.</param>
public readonly record struct RingBurst(TimeSpan On, TimeSpan Off);
