namespace Appliance.Core.Ivr;

/// <summary>
/// One self-service transaction as the IVR reports it for the records: what was done, for which (masked) account, how
/// it ended and the amount when there is one. Never a full card number or a PIN.
/// </summary>
/// <param name="Id">Unique id.</param>
/// <param name="CallId">The call it happened in.</param>
/// <param name="Type">"verify", "balance-enquiry", "card-block" or "bill-status".</param>
/// <param name="Outcome">e.g. "verified", "wrong-pin", "completed", "failed-timeout".</param>
/// <param name="MaskedAccount">The account masked, when known.</param>
/// <param name="AmountMinor">The amount in minor units, when there is one.</param>
/// <param name="Currency">ISO 4217 code of the amount ("" when there is none).</param>
/// <param name="At">When it ended.</param>
/// <param name="Notes">Free text (a card block's reference).</param>
public sealed record SelfServiceTransaction(
    string Id, string CallId, string Type, string Outcome, string? MaskedAccount, long? AmountMinor, string Currency, DateTimeOffset At, string Notes = "");
