namespace Appliance.Storage;

/// <summary>One number of a campaign with its schedule.</summary>
/// <param name="Campaign">The campaign's name.</param>
/// <param name="Number">The digits to dial.</param>
/// <param name="Name">The customer's name ("" when the list had none).</param>
/// <param name="Line">The line of the imported list it came from.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAt">Not dialled before this instant.</param>
/// <param name="LastOutcome">The last attempt's outcome (answered, busy, no-answer, congestion…), or null.</param>
/// <param name="Result">The final result once done (answered, busy, no-answer, dnc, or an agent's code), else null.</param>
/// <param name="Dialling">Whether an attempt is under way (it counts if the box stops meanwhile).</param>
public sealed record CampaignContactRecord(
    string Campaign,
    string Number,
    string Name,
    int Line,
    int Attempts,
    DateTimeOffset NextAt,
    string? LastOutcome,
    string? Result,
    bool Dialling);
