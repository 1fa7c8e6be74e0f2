using System.Globalization;

namespace Appliance.Telephony.Analog.Internal;

/// <summary>A "line" dial target: "5551234" (any idle line) or "2/5551234" (port 2).</summary>
internal readonly record struct DialTarget(int? Port, string Number)
{
    public const int MaximumDigits = 32;

    /// <exception cref="ArgumentException">The port does not exist or the number cannot be dialled; the message names which.</exception>
    public static DialTarget Parse(string target, int portCount)
    {
        ArgumentNullException.ThrowIfNull(target);
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        int? port = null;
        var number = target;
        if (slash >= 0)
        {
            var portText = target[..slash];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > portCount)
            {
                throw new ArgumentException($"line:{target}: port '{portText}' does not exist; the lines are 1 to {portCount}.", nameof(target));
            }

            port = parsed;
            number = target[(slash + 1)..];
        }

        if (number.Length is 0 or > MaximumDigits)
        {
            throw new ArgumentException($"line:{target}: the number must have 1 to {MaximumDigits} digits.", nameof(target));
        }

        for (var i = 0; i < number.Length; i++)
        {
            if (!DtmfSender.CanSend(number[i]) || number[i] is >= 'A' and <= 'D')
            {
                throw new ArgumentException(
                    $"line:{target}: '{number[i]}' (position {i + 1} of the number) cannot be dialled; use 0-9, * and #.", nameof(target));
            }
        }

        return new DialTarget(port, number);
    }
}
