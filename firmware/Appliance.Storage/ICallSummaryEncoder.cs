namespace Appliance.Storage;

/// <summary>
/// Turns a finished call's record into the bytes head office receives. When the call records are given one, every stored
/// call also enters the outbox in the same transaction, so head office gets each call exactly as often as it is stored.
/// </summary>
public interface ICallSummaryEncoder
{
    /// <summary>The payload_version the encoding follows.</summary>
    int PayloadVersion { get; }

    /// <summary>Encodes one call record.</summary>
    byte[] Encode(CallRecord call);
}
