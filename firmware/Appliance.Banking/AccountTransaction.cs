namespace Appliance.Banking;

/// <summary>One booked transaction on an account.</summary>
/// <param name="BookedAt">When it was booked.</param>
/// <param name="Description">The core bank's text for it.</param>
/// <param name="AmountMinor">Signed amount in minor units: negative for money out.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record AccountTransaction(DateTimeOffset BookedAt, string Description, long AmountMinor, string Currency);
