namespace Appliance.Core.Complaints;

/// <summary>What an agent enters to open a complaint ticket during (or after) a call.</summary>
/// <param name="Category">The business category, e.g. "card-fee".</param>
/// <param name="SubCategory">The sub-category, or empty.</param>
/// <param name="CustomerNumber">The caller's phone number.</param>
/// <param name="CustomerName">The customer's name, or empty.</param>
/// <param name="MaskedAccount">The account in masked form only, or null.</param>
/// <param name="Channel">How it came in, e.g. "phone".</param>
/// <param name="Description">What the customer complains about.</param>
/// <param name="CallId">The call it was taken on, if any.</param>
/// <param name="Actor">Who creates it (the agent id).</param>
public sealed record NewComplaint(
    string Category,
    string SubCategory,
    string CustomerNumber,
    string CustomerName,
    string? MaskedAccount,
    string Channel,
    string Description,
    string? CallId,
    string Actor);
