namespace Appliance.Storage;

/// <summary>One record waiting for head office's acknowledgement.</summary>
/// <param name="Seq">Position in the outbox: commit order, never reused.</param>
/// <param name="IdempotencyKey">Stable across retries, e.g. "ticket:T-1:r2"; head office applies each key once.</param>
/// <param name="Kind">One of <see cref="OutboxKinds"/>.</param>
/// <param name="Payload">The record as encoded at commit time by the <see cref="IOutboxPayloadEncoder"/>.</param>
/// <param name="PayloadVersion">The encoder's schema version.</param>
/// <param name="CreatedAt">When the record was committed.</param>
/// <param name="Attempts">How many pushes carried it so far.</param>
public sealed record OutboxEntry(
    long Seq, string IdempotencyKey, string Kind, byte[] Payload, int PayloadVersion, DateTimeOffset CreatedAt, int Attempts);
