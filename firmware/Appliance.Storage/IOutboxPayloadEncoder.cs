namespace Appliance.Storage;

/// <summary>
/// Turns a record into the bytes the outbox stores and head office decodes. Storage does not know the wire format
/// (Appliance.Sync provides the protobuf one); the bytes are fixed at commit time, so a later change to the record
/// becomes its own outbox entry instead of rewriting one already queued.
/// </summary>
public interface IOutboxPayloadEncoder
{
    /// <summary>The schema version of the payloads this encoder writes (1 or more).</summary>
    int PayloadVersion { get; }

    /// <summary>Encodes a ticket revision as stored.</summary>
    byte[] Encode(TicketRecord ticket);

    /// <summary>
    /// Encodes a complaint ticket revision as stored, with its complaint fields; an encoder that knows only the generic
    /// ticket sends that.
    /// </summary>
    /// <param name="complaint">The stored revision.</param>
    /// <param name="reopenCount">How often the ticket has been reopened so far.</param>
    byte[] Encode(ComplaintTicketRecord complaint, int reopenCount) => Encode(complaint?.Ticket ?? throw new ArgumentNullException(nameof(complaint)));

    /// <summary>Encodes a transaction revision as stored.</summary>
    byte[] Encode(TransactionRecord transaction);
}
