namespace Appliance.Storage;

/// <summary>
/// An amount of money as integer minor units (fen, cents) and an ISO 4217 code: no binary floating point anywhere
/// between the caller's keypad and head office's ledger.
/// </summary>
/// <param name="MinorUnits">The amount in the currency's smallest unit, e.g. 12345 for CNY 123.45.</param>
/// <param name="Currency">Three upper-case letters, e.g. "CNY".</param>
public readonly record struct MoneyAmount(long MinorUnits, string Currency)
{
    /// <summary>Converts a decimal amount with <paramref name="decimals"/> minor digits (2 for most currencies).</summary>
    /// <exception cref="ArgumentException">The amount has more minor digits than the currency allows.</exception>
    public static MoneyAmount FromDecimal(decimal amount, string currency, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var scaled = amount * Pow10(decimals);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{amount} has more than {decimals} decimal places for {currency}.", nameof(amount));
        }

        return new MoneyAmount(decimal.ToInt64(scaled), currency);
    }

    /// <summary>The amount as a decimal with <paramref name="decimals"/> minor digits.</summary>
    public decimal ToDecimal(int decimals = 2) => MinorUnits / Pow10(decimals);

    private static decimal Pow10(int decimals)
    {
        var factor = 1m;
        for (var i = 0; i < decimals; i++)
        {
            factor *= 10;
        }

        return factor;
    }
}
