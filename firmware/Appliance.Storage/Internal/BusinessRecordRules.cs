namespace Appliance.Storage.Internal;

/// <summary>Checks shared by tickets and transactions: the fields head office receives.</summary>
internal static class BusinessRecordRules
{
    public const int MaxNotesLength = 4000;

    public static void Common(
        string id, string branch, string type, string status, string? maskedAccount, string notes, string? callId, string subject)
    {
        RecordRules.Text(id, subject, "id", 128);
        RecordRules.Identifier(branch, subject, "branch");
        RecordRules.Text(type, subject, "type", 64);
        RecordRules.Text(status, subject, "status", 32);
        RecordRules.Text(callId, subject, "call id", 128, required: false);
        if (notes is null)
        {
            throw RecordRules.Invalid(subject, "notes must not be null (use an empty text)");
        }

        if (notes.Length > MaxNotesLength)
        {
            throw RecordRules.Invalid(subject, $"notes are {notes.Length} characters long; at most {MaxNotesLength} are allowed");
        }

        if (maskedAccount is not null && AccountMasking.Problem(maskedAccount) is { } problem)
        {
            // The value itself is left out of the message on purpose: it may be a full card number.
            throw RecordRules.Invalid(subject, $"masked account {problem}");
        }
    }

    public static void Money(MoneyAmount amount, string subject)
    {
        if (amount.MinorUnits < 0)
        {
            // Reversals are their own transaction type with a positive amount; head office refuses negative amounts.
            throw RecordRules.Invalid(subject, "amount must not be negative");
        }

        if (amount.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            throw RecordRules.Invalid(subject, $"currency '{amount.Currency}' must be an ISO 4217 code of three upper-case letters, e.g. CNY");
        }
    }

    /// <summary>The instant as the store keeps it (milliseconds), so what is returned equals what a later read returns.</summary>
    public static DateTimeOffset Now(TimeProvider time) => UnixTime.FromMilliseconds(UnixTime.ToMilliseconds(time.GetUtcNow()));
}
