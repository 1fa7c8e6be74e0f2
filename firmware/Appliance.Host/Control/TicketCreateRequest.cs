namespace Appliance.Host.Control;

/// <summary>POST /v1/tickets (and /agent/v1/tickets): an agent opens a complaint ticket.</summary>
/// <param name="Category">Business category, e.g. "card-fee".</param>
/// <param name="CustomerNumber">The caller's phone number.</param>
/// <param name="Channel">How it came in, e.g. "phone".</param>
/// <param name="Description">What the customer complains about.</param>
/// <param name="Agent">The agent opening it (the agent API takes it from the login instead).</param>
/// <param name="SubCategory">Sub-category, if any.</param>
/// <param name="CustomerName">The customer's name, if known.</param>
/// <param name="MaskedAccount">The account, masked (e.g. 622202******1234); a full card number is refused.</param>
/// <param name="CallId">The call it was taken on.</param>
public sealed record TicketCreateRequest(
    string Category,
    string CustomerNumber,
    string Channel,
    string Description,
    string? Agent = null,
    string? SubCategory = null,
    string? CustomerName = null,
    string? MaskedAccount = null,
    string? CallId = null);
