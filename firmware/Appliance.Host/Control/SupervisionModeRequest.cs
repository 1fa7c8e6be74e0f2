namespace Appliance.Host.Control;

/// <summary>PUT /v1/supervisions/{id}: switches a supervision to <paramref name="Mode"/> (listen, whisper or barge).</summary>
/// <param name="Mode">The new mode.</param>
public sealed record SupervisionModeRequest(string Mode);
