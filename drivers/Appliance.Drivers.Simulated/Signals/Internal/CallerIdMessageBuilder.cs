using System.Globalization;

namespace Appliance.Drivers.Simulated.Signals.Internal;

/// <summary>
/// Builds the bytes of an MDMF caller-ID message (Telcordia GR-30 / ETSI EN 300 659-3): type 0x80, length, parameters,
/// and a checksum that makes the sum of every byte zero modulo 256.
/// </summary>
internal static class CallerIdMessageBuilder
{
    public const byte MultipleDataMessageType = 0x80;
    public const byte DateTimeParameter = 0x01;
    public const byte NumberParameter = 0x02;
    public const byte NumberAbsenceParameter = 0x04;
    public const byte NameParameter = 0x07;
    public const byte NameAbsenceParameter = 0x08;
    public const int MaximumNumberLength = 20;
    public const int MaximumNameLength = 50;

    public static byte[] Build(CallerIdInfo info, DateTimeOffset at, bool corruptChecksum)
    {
        ArgumentNullException.ThrowIfNull(info);
        var reason = info.NumberAbsenceReason ?? 'O';
        if (reason is not ('O' or 'P'))
        {
            throw new ArgumentException(
                $"NumberAbsenceReason must be 'O' (unavailable) or 'P' (private), not '{reason}'.", nameof(info));
        }

        var body = new List<byte>(96);
        AddParameter(body, DateTimeParameter,
            at.ToString("MMddHHmm", CultureInfo.InvariantCulture));
        if (info.Number is null)
        {
            AddParameter(body, NumberAbsenceParameter, reason.ToString());
        }
        else
        {
            AddParameter(body, NumberParameter, Checked(info.Number, MaximumNumberLength, nameof(CallerIdInfo.Number)));
        }

        if (info.Name is null)
        {
            AddParameter(body, NameAbsenceParameter, reason.ToString());
        }
        else
        {
            AddParameter(body, NameParameter, Checked(info.Name, MaximumNameLength, nameof(CallerIdInfo.Name)));
        }

        var message = new byte[body.Count + 3];
        message[0] = MultipleDataMessageType;
        message[1] = (byte)body.Count;
        body.CopyTo(message, 2);
        var sum = 0;
        for (var i = 0; i < message.Length - 1; i++)
        {
            sum += message[i];
        }

        var checksum = (byte)(-sum & 0xFF);
        message[^1] = corruptChecksum ? (byte)~checksum : checksum;
        return message;
    }

    private static void AddParameter(List<byte> body, byte type, string text)
    {
        body.Add(type);
        body.Add((byte)text.Length);
        foreach (var character in text)
        {
            body.Add((byte)character);
        }
    }

    private static string Checked(string value, int maximumLength, string field)
    {
        if (value.Length == 0 || value.Length > maximumLength)
        {
            throw new ArgumentException($"Caller-ID {field} must be 1 to {maximumLength} characters long, not {value.Length}.", "info");
        }

        foreach (var character in value)
        {
            if (character is < ' ' or > '~')
            {
                throw new ArgumentException(
                    $"Caller-ID {field} may hold printable ASCII only; U+{(int)character:X4} is not.", "info");
            }
        }

        return value;
    }
}
