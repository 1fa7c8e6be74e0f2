namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>
/// A test-only FSK caller-ID decoder for clean, sample-aligned bursts: decides each 1200-baud bit
/// by comparing mark and space energy over the bit, skips seizure and mark, and parses the MDMF message.
/// </summary>
internal static class TestFsk
{
    public sealed record Decoded(byte MessageType, string? DateTime, string? Number, string? Name, char? NumberAbsence, bool ChecksumValid);

    public static Decoded? Decode(ReadOnlySpan<short> burst, double markHz, double spaceHz)
    {
        var bitCount = burst.Length * 1200 / 8000;
        var bits = new bool[bitCount];
        for (var i = 0; i < bitCount; i++)
        {
            var from = i * 8000 / 1200;
            var to = (i + 1) * 8000 / 1200;
            var window = burst[from..to];
            bits[i] = AudioAnalysis.ToneDbm0(window, markHz) > AudioAnalysis.ToneDbm0(window, spaceHz);
        }

        // Skip the 300 seizure bits and the marks; the first space after them is the first start bit.
        var position = 300;
        while (position < bits.Length && bits[position])
        {
            position++;
        }

        var bytes = new List<byte>();
        while (position + 10 <= bits.Length)
        {
            if (bits[position] || !bits[position + 9])
            {
                break; // not a start bit or no stop bit
            }

            byte value = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                if (bits[position + 1 + bit])
                {
                    value |= (byte)(1 << bit);
                }
            }

            bytes.Add(value);
            position += 10;
            while (position < bits.Length && bits[position] && bytes.Count >= 2 && bytes.Count < bytes[1] + 3)
            {
                position++; // marks between bytes are allowed
            }
        }

        return bytes.Count >= 3 && bytes.Count >= bytes[1] + 3 ? Parse(bytes.Take(bytes[1] + 3).ToArray()) : null;
    }

    private static Decoded Parse(byte[] message)
    {
        var sum = message.Aggregate(0, (total, b) => total + b);
        string? dateTime = null, number = null, name = null;
        char? absence = null;
        var position = 2;
        while (position < message.Length - 1)
        {
            var type = message[position];
            var length = message[position + 1];
            var text = System.Text.Encoding.ASCII.GetString(message, position + 2, length);
            switch (type)
            {
                case 0x01: dateTime = text; break;
                case 0x02: number = text; break;
                case 0x04: absence = text[0]; break;
                case 0x07: name = text; break;
            }

            position += 2 + length;
        }

        return new Decoded(message[0], dateTime, number, name, absence, (sum & 0xFF) == 0);
    }
}
