namespace Appliance.Storage;

/// <summary>What one key of a voice menu does.</summary>
/// <param name="Digit">The DTMF key: 0-9, * or #.</param>
/// <param name="Action">"queue:NAME" (an existing queue), "menu:NAME" (an existing menu, or the menu itself), "hangup" or "repeat".</param>
public sealed record MenuOptionRecord(char Digit, string Action);
