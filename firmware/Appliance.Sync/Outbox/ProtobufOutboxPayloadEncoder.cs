using Appliance.Storage;
using Appliance.Sync.Outbox.Internal;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Wire = Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Sync.Outbox;

/// <summary>
/// Encodes tickets, transactions and finished calls as sync.proto's payload messages (TicketRecord, TransactionRecord,
/// CallSummaryRecord; payload_version 1),
/// the form head office decodes.
/// </summary>
public sealed class ProtobufOutboxPayloadEncoder : IOutboxPayloadEncoder, ICallSummaryEncoder
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
    public byte[] Encode(TicketRecord ticket) => Ticket(ticket).ToByteArray();

    /// <inheritdoc />
    public byte[] Encode(ComplaintTicketRecord complaint, int reopenCount)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var payload = Ticket(complaint.Ticket);
        payload.SubCategory = complaint.SubCategory;
        payload.CustomerNameMasked = CustomerMasking.Name(complaint.CustomerName);
        payload.CustomerNumberMasked = CustomerMasking.Number(complaint.CustomerNumber);
        payload.Channel = complaint.Channel;
        payload.Department = complaint.Department ?? string.Empty;
        payload.EscalationLevel = complaint.EscalationLevel;
        payload.RepeatOf = complaint.RepeatOf ?? string.Empty;
        payload.Satisfaction = complaint.Satisfaction ?? 0;
        payload.ReopenCount = reopenCount;
        if (complaint.DeadlineAt is { } deadline)
        {
            payload.DueAt = Timestamp.FromDateTimeOffset(deadline);
        }

        if (complaint.CallbackDueAt is { } callback)
        {
            payload.CallbackDueAt = Timestamp.FromDateTimeOffset(callback);
        }

        return payload.ToByteArray();
    }

    private static Wire.TicketRecord Ticket(TicketRecord ticket)
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
            Revision = ticket.Revision,
        };
        if (string.Equals(ticket.Status, ClosedStatus, StringComparison.OrdinalIgnoreCase))
        {
            payload.ClosedAt = Timestamp.FromDateTimeOffset(ticket.UpdatedAt);
        }

        return payload;
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

    /// <inheritdoc />
    public byte[] Encode(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var payload = new Wire.CallSummaryRecord
        {
            CallId = call.Id,
            CallerNumber = call.CallerNumber ?? string.Empty,
            LineId = call.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? call.ChannelKind,
            QueueId = call.Queue ?? string.Empty,
            AgentId = call.Agent ?? string.Empty,
            StartedAt = Timestamp.FromDateTimeOffset(call.StartedAt),
            Disposition = call.Outcome,
            RecordingId = call.RecordingId ?? string.Empty,
            SurveyScore = call.SurveyScore ?? 0,
        };
        if (call.AnsweredAt is { } answered)
        {
            payload.AnsweredAt = Timestamp.FromDateTimeOffset(answered);
        }

        if (call.EndedAt is { } ended)
        {
            payload.EndedAt = Timestamp.FromDateTimeOffset(ended);
        }

        return payload.ToByteArray();
    }
}
