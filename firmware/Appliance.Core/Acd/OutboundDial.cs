namespace Appliance.Core.Acd;

/// <summary>What an outbound call dials and when it gives up.</summary>
/// <param name="DialString">The dial string (e.g. "line:13900139001").</param>
/// <param name="RingTimeout">How long the customer rings before the attempt counts as unanswered.</param>
/// <param name="StopWaiting">Completes to stop waiting for a free agent (nothing is dialled then).</param>
/// <param name="StopDialling">Completes to stop an attempt under way (the box is stopping).</param>
/// <param name="Dialling">Called with the reserved agent's id just before the number is dialled.</param>
public sealed record OutboundDial(string DialString, TimeSpan RingTimeout, Task StopWaiting, Task StopDialling, Action<string>? Dialling = null);
