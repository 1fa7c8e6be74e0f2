using Appliance.Storage;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Wire = Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Sync.Outbox;

/// <summary>
/// Encodes tickets and transactions as sync.proto's payload messages (TicketRecord, TransactionRecord; payload_version 1),
/// the form head office decodes.
/// </summary>
public sealed class ProtobufOutboxPayloadEncoder : IOutboxPayloadEncoder
{
    /// <summary>The payload_version written into every SyncRecord.</summary>
    public const int Version = 1;

    /// <summary>The status after which a ticket counts as closed (sets closed_at).</summary>
    public const string ClosedStatus = "closed";

    /// <summary>The status after which a transaction counts as completed (sets completed_at).</summary>
    public const string CompletedStatus = "completed";

    /// <inheritdoc />
    public int PayloadVersion => Version;

    /// <inheritdoc />
    public byte[] Encode(TicketRecord ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var payload = new Wire.TicketRecord
        {
            TicketId = ticket.Id,
            Category = ticket.Type,
            Status = ticket.Status,
            MaskedAccount = ticket.MaskedAccount ?? string.Empty,
            CallId = ticket.CallId ?? string.Empty,
            OpenedAt = Timestamp.FromDateTimeOffset(ticket.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(ticket.UpdatedAt),
            Notes = ticket.Notes,
        };
        if (string.Equals(ticket.Status, ClosedStatus, StringComparison.OrdinalIgnoreCase))
        {
            payload.ClosedAt = Timestamp.FromDateTimeOffset(ticket.UpdatedAt);
        }

        return payload.ToByteArray();
    }

    /// <inheritdoc />
    public byte[] Encode(TransactionRecord transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var payload = new Wire.TransactionRecord
        {
            TransactionId = transaction.Id,
            Type = transaction.Type,
            Status = transaction.Status,
            MaskedAccount = transaction.MaskedAccount ?? string.Empty,
            AmountMinorUnits = transaction.Amount.MinorUnits,
            Currency = transaction.Amount.Currency,
            CallId = transaction.CallId ?? string.Empty,
            StartedAt = Timestamp.FromDateTimeOffset(transaction.CreatedAt),
            Notes = transaction.Notes,
        };
        if (string.Equals(transaction.Status, CompletedStatus, StringComparison.OrdinalIgnoreCase))
        {
            payload.CompletedAt = Timestamp.FromDateTimeOffset(transaction.UpdatedAt);
        }

        return payload.ToByteArray();
    }
}
