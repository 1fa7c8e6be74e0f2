using Grpc.Core;
using Google.Protobuf.WellKnownTypes;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>Checks of single fields; each failure is an INVALID_ARGUMENT naming the record and the field.</summary>
internal static class FieldRules
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 256;
    public const int MaxNotesLength = 8000;

    // A full card or account number is a long run of digits; masked ones show at most a few at a time.
    private const int MaxUnmaskedDigitRun = 6;

    public static void Id(string where, string field, string value)
    {
        if (value.Length == 0 || value.Length > MaxIdLength || value.Contains('\0', StringComparison.Ordinal))
        {
            throw Invalid(where, $"{field} is required and must be at most {MaxIdLength} characters without NUL");
        }
    }

    public static void Text(string where, string field, string value, bool required, int maxLength = MaxTextLength)
    {
        if (required && value.Length == 0)
        {
            throw Invalid(where, $"{field} is required");
        }

        if (value.Length > maxLength)
        {
            throw Invalid(where, $"{field} is longer than {maxLength} characters");
        }

        // PostgreSQL text cannot hold NUL; refusing it here keeps the error the sender's, not a server fault.
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw Invalid(where, $"{field} contains a NUL character");
        }
    }

    public static void Masked(string where, string field, string value)
    {
        Text(where, field, value, required: false);
        var run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run > MaxUnmaskedDigitRun)
            {
                throw Invalid(where, $"{field} is not masked (more than {MaxUnmaskedDigitRun} digits in a row)");
            }
        }
    }

    public static DateTime? Time(string where, string field, Timestamp? value, bool required)
    {
        if (value is null)
        {
            return required ? throw Invalid(where, $"{field} is required") : null;
        }

        try
        {
            return value.ToDateTime();
        }
        catch (InvalidOperationException)
        {
            throw Invalid(where, $"{field} is not a valid timestamp");
        }
    }

    public static RpcException Invalid(string where, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{where}: {problem}; nothing in the batch was applied."));
}
