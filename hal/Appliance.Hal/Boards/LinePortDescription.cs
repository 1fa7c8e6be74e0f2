namespace Appliance.Hal.Boards;

/// <summary>One line port as printed on the box.</summary>
/// <param name="Number">The port's number, from 1; matches <see cref="Lines.IAnalogLinePort.PortNumber"/>.</param>
/// <param name="Label">The label next to the socket, e.g. "LINE 1".</param>
public sealed record LinePortDescription(int Number, string Label);
