using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>Parses each kind's payload and checks the fields head office stores.</summary>
internal static class PayloadRules
{
    public static IMessage Parse(string where, RecordKind kind, byte[] payload)
    {
        try
        {
            return kind switch
            {
                RecordKind.Ticket => Check(where, TicketRecord.Parser.ParseFrom(payload)),
                RecordKind.Transaction => Check(where, TransactionRecord.Parser.ParseFrom(payload)),
                RecordKind.CallSummary => Check(where, CallSummaryRecord.Parser.ParseFrom(payload)),
                RecordKind.QaScore => QaScoreRules.Check(where, QaScoreRecord.Parser.ParseFrom(payload)),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kinds are rejected before parsing."),
            };
        }
        catch (InvalidProtocolBufferException e)
        {
            throw FieldRules.Invalid(where, $"payload is not a valid {kind} message ({e.Message})");
        }
    }

    private static TicketRecord Check(string where, TicketRecord ticket)
    {
        FieldRules.Id(where, "ticket_id", ticket.TicketId);
        FieldRules.Text(where, "status", ticket.Status, required: true);
        FieldRules.Text(where, "category", ticket.Category, required: false);
        FieldRules.Masked(where, "masked_account", ticket.MaskedAccount);
        FieldRules.Text(where, "call_id", ticket.CallId, required: false);
        FieldRules.Text(where, "agent_id", ticket.AgentId, required: false);
        FieldRules.Text(where, "notes", ticket.Notes, required: false, FieldRules.MaxNotesLength);
        FieldRules.Time(where, "opened_at", ticket.OpenedAt, required: true);
        FieldRules.Time(where, "updated_at", ticket.UpdatedAt, required: false);
        FieldRules.Time(where, "due_at", ticket.DueAt, required: false);
        FieldRules.Time(where, "closed_at", ticket.ClosedAt, required: false);
        FieldRules.Text(where, "sub_category", ticket.SubCategory, required: false);
        FieldRules.Masked(where, "customer_name_masked", ticket.CustomerNameMasked);
        FieldRules.Masked(where, "customer_number_masked", ticket.CustomerNumberMasked);
        FieldRules.Text(where, "channel", ticket.Channel, required: false);
        FieldRules.Text(where, "department", ticket.Department, required: false);
        FieldRules.Text(where, "repeat_of", ticket.RepeatOf, required: false);
        FieldRules.Time(where, "callback_due_at", ticket.CallbackDueAt, required: false);
        if (ticket.Revision < 0 || ticket.EscalationLevel < 0 || ticket.ReopenCount < 0)
        {
            throw FieldRules.Invalid(where, "revision, escalation_level and reopen_count must not be negative");
        }

        if (ticket.Satisfaction is < 0 or > 5)
        {
            throw FieldRules.Invalid(where, "satisfaction must be 0 (none yet) or 1-5");
        }

        return ticket;
    }

    private static TransactionRecord Check(string where, TransactionRecord transaction)
    {
        FieldRules.Id(where, "transaction_id", transaction.TransactionId);
        FieldRules.Text(where, "type", transaction.Type, required: true);
        FieldRules.Text(where, "status", transaction.Status, required: true);
        FieldRules.Masked(where, "masked_account", transaction.MaskedAccount);
        FieldRules.Text(where, "call_id", transaction.CallId, required: false);
        FieldRules.Text(where, "notes", transaction.Notes, required: false, FieldRules.MaxNotesLength);
        if (transaction.AmountMinorUnits < 0)
        {
            throw FieldRules.Invalid(where, "amount_minor_units must not be negative");
        }

        if (transaction.Currency.Length != 0 && (transaction.Currency.Length != 3 || !transaction.Currency.All(char.IsAsciiLetterUpper)))
        {
            throw FieldRules.Invalid(where, "currency must be empty or a three-letter ISO 4217 code");
        }

        FieldRules.Time(where, "started_at", transaction.StartedAt, required: true);
        FieldRules.Time(where, "completed_at", transaction.CompletedAt, required: false);
        return transaction;
    }

    private static CallSummaryRecord Check(string where, CallSummaryRecord call)
    {
        FieldRules.Id(where, "call_id", call.CallId);
        // Caller numbers are masked by the bank's policy on the box, which head office does not second-guess.
        FieldRules.Text(where, "caller_number", call.CallerNumber, required: false);
        FieldRules.Text(where, "line_id", call.LineId, required: false);
        FieldRules.Text(where, "queue_id", call.QueueId, required: false);
        FieldRules.Text(where, "agent_id", call.AgentId, required: false);
        FieldRules.Text(where, "disposition", call.Disposition, required: true);
        FieldRules.Text(where, "recording_id", call.RecordingId, required: false);
        FieldRules.Time(where, "started_at", call.StartedAt, required: true);
        FieldRules.Time(where, "answered_at", call.AnsweredAt, required: false);
        FieldRules.Time(where, "ended_at", call.EndedAt, required: false);
        if (call.SurveyScore is < 0 or > 5)
        {
            throw FieldRules.Invalid(where, $"survey_score must be 1-5 (or 0 for none), not {call.SurveyScore}");
        }

        return call;
    }
}
