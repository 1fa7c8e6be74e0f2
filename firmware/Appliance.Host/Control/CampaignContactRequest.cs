namespace Appliance.Host.Control;

/// <summary>
/// A change to one contact or number: a result code for a campaign's contact (POST /v1/campaigns/{name}/result), or a
/// number for the do-not-call list (POST /v1/campaigns/dnc, Code unused).
/// </summary>
/// <param name="Number">The number, digits (spaces and dashes are ignored).</param>
/// <param name="Code">The result code: letters, digits, '.', '_' or '-'.</param>
public sealed record CampaignContactRequest(string Number, string? Code = null);
