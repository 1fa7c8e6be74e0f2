namespace Appliance.Telephony.Media;

/// <summary>
/// A caller-ID message received with a valid checksum. <paramref name="Timestamp"/> is the MMDDHHMM text as sent;
/// absence reasons are 'O' (out of area / unavailable) or 'P' (private) when the exchange withheld that field.
/// </summary>
public sealed record CallerIdMessage(
    string? Number,
    string? Name,
    string? Timestamp,
    char? NumberAbsenceReason,
    char? NameAbsenceReason);
