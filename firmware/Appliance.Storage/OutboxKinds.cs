namespace Appliance.Storage;

/// <summary>The kinds of record the outbox carries (the <c>kind</c> column).</summary>
public static class OutboxKinds
{
    /// <summary>A <see cref="TicketRecord"/> revision.</summary>
    public const string Ticket = "ticket";

    /// <summary>A <see cref="TransactionRecord"/> revision.</summary>
    public const string Transaction = "transaction";

    /// <summary>A finished call's summary.</summary>
    public const string CallSummary = "call";

    /// <summary>A QA score of a recorded call.</summary>
    public const string QaScore = "qa_score";
}
