using System.Globalization;

namespace Appliance.Storage;

/// <summary>
/// The only form in which an account or card number may be stored: at most the first six and last four digits
/// visible, the rest replaced by '*' (the PCI DSS display rule). A full number is refused, so it can never reach the
/// database, the outbox or head office.
/// </summary>
public static class AccountMasking
{
    /// <summary>The most digits a masked value may show (six leading plus four trailing).</summary>
    public const int MaxVisibleDigits = 10;

    /// <summary>The longest run of consecutive digits a masked value may show (the six leading ones).</summary>
    public const int MaxDigitRun = 6;

    /// <summary>The longest masked value accepted, separators included.</summary>
    public const int MaxLength = 40;

    /// <summary>Masks a full account or card number: first six and last four digits kept (last four for short numbers).</summary>
    /// <exception cref="ArgumentException">The value is not 8-19 digits (spaces and '-' ignored).</exception>
    public static string Mask(string fullNumber)
    {
        ArgumentNullException.ThrowIfNull(fullNumber);
        var digits = new string(fullNumber.Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length is < 8 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An account number to mask must be 8-19 digits.", nameof(fullNumber));
        }

        var keepFront = digits.Length >= 16 ? 6 : 0;
        return string.Concat(digits.AsSpan(0, keepFront), new string('*', digits.Length - keepFront - 4), digits.AsSpan(digits.Length - 4));
    }

    /// <summary>Why <paramref name="value"/> is not an acceptable masked account, or null when it is.</summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"must be 1-{MaxLength} characters");
        }

        var visible = 0;
        var masked = 0;
        var run = 0;
        var longestRun = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
            if (char.IsAsciiDigit(c))
            {
                visible++;
            }
            else if (c == '*')
            {
                masked++;
            }
            else if (c is not (' ' or '-'))
            {
                return "may contain only digits, '*', spaces and '-'";
            }
        }

        if (masked == 0)
        {
            return "looks like a full account number; store only a masked form such as 622202******1234";
        }

        if (longestRun > MaxDigitRun)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"shows {longestRun} digits in a row; a masked account may show at most {MaxDigitRun} in a row");
        }

        return visible > MaxVisibleDigits
            ? string.Create(CultureInfo.InvariantCulture,
                $"shows {visible} digits; a masked account may show at most {MaxVisibleDigits} (first six and last four)")
            : null;
    }
}
