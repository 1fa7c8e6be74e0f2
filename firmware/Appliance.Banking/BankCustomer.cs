namespace Appliance.Banking;

/// <summary>A verified customer, as much as the agent's screen pop and the records may show.</summary>
/// <param name="CustomerId">The core bank's id for the customer; what later calls name.</param>
/// <param name="Name">The customer's name for the agent's screen.</param>
/// <param name="MaskedAccount">The account masked the way records store it, e.g. 622202******1234.</param>
/// <param name="Segment">The customer's segment ("retail", "vip"…), for routing and the agent.</param>
public sealed record BankCustomer(string CustomerId, string Name, string MaskedAccount, string Segment);
