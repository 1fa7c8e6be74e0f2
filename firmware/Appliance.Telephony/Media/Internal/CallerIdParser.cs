namespace Appliance.Telephony.Media.Internal;

/// <summary>
/// Turns the bytes of a caller-ID message (type, length, body, checksum; Telcordia GR-30 / ETSI EN 300 659-3) into a
/// <see cref="CallerIdMessage"/>. Single data message format (SDMF, type 0x04): MMDDHHMM then the number, or 'O'/'P' for
/// its absence. Multiple data message format (MDMF, type 0x80): parameters (type, length, value).
/// </summary>
internal static class CallerIdParser
{
    public const byte SingleDataMessage = 0x04;
    public const byte MultipleDataMessage = 0x80;

    private const byte DateTimeParameter = 0x01;
    private const byte NumberParameter = 0x02;
    private const byte NumberAbsenceParameter = 0x04;
    private const byte NameParameter = 0x07;
    private const byte NameAbsenceParameter = 0x08;
    private const int TimestampLength = 8;

    /// <summary>True when all bytes, the checksum included, add up to zero modulo 256.</summary>
    public static bool ChecksumIsValid(ReadOnlySpan<byte> message)
    {
        var sum = 0;
        foreach (var value in message)
        {
            sum += value;
        }

        return (sum & 0xFF) == 0;
    }

    /// <summary>The message in <paramref name="body"/> (without type, length and checksum), or null if it is not a
    /// caller-ID message or its parameters do not fit.</summary>
    public static CallerIdMessage? Parse(byte type, ReadOnlySpan<byte> body) => type switch
    {
        SingleDataMessage => ParseSingle(body),
        MultipleDataMessage => ParseMultiple(body),
        _ => null,
    };

    private static CallerIdMessage? ParseSingle(ReadOnlySpan<byte> body)
    {
        if (body.Length < TimestampLength)
        {
            return null;
        }

        var timestamp = Text(body[..TimestampLength]);
        var number = body[TimestampLength..];
        if (number.Length == 1 && number[0] is (byte)'O' or (byte)'P')
        {
            return new CallerIdMessage(null, null, timestamp, (char)number[0], null);
        }

        return new CallerIdMessage(number.IsEmpty ? null : Text(number), null, timestamp, null, null);
    }

    private static CallerIdMessage? ParseMultiple(ReadOnlySpan<byte> body)
    {
        string? number = null, name = null, timestamp = null;
        char? numberAbsent = null, nameAbsent = null;
        while (!body.IsEmpty)
        {
            if (body.Length < 2 || body[1] > body.Length - 2)
            {
                return null; // a parameter runs past the end of the message
            }

            var value = body.Slice(2, body[1]);
            switch (body[0])
            {
                case DateTimeParameter:
                    timestamp = Text(value);
                    break;
                case NumberParameter:
                    number = Text(value);
                    break;
                case NumberAbsenceParameter when value.Length == 1:
                    numberAbsent = (char)value[0];
                    break;
                case NameParameter:
                    name = Text(value);
                    break;
                case NameAbsenceParameter when value.Length == 1:
                    nameAbsent = (char)value[0];
                    break;
                default:
                    break; // parameters this box has no use for (call type, redirection, ...)
            }

            body = body[(2 + value.Length)..];
        }

        return new CallerIdMessage(number, name, timestamp, numberAbsent, nameAbsent);
    }

    // Printable ASCII only: anything else from the line is shown as '?'.
    private static string Text(ReadOnlySpan<byte> value)
    {
        Span<char> characters = stackalloc char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            characters[i] = value[i] is >= 0x20 and <= 0x7E ? (char)value[i] : '?';
        }

        return new string(characters);
    }
}
