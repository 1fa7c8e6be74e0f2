namespace Appliance.Host.Control;

/// <summary>PUT /v1/bank/outage: whether the simulated core bank is in an injected outage (also the answer).</summary>
public sealed record BankOutageRequest(bool Active);
