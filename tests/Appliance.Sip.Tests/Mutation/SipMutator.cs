using System.Text;

namespace Appliance.Sip.Tests.Mutation;

/// <summary>Derives hostile variants of a valid message: bit flips, truncation, duplicated/oversized headers, huge numbers, bad UTF-8.</summary>
internal sealed class SipMutator(int seed)
{
    private static readonly byte[][] BadUtf8 = [[0xC0, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]];
    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] original)
    {
        var bytes = (byte[])original.Clone();
        return _random.Next(8) switch
        {
            0 => FlipBits(bytes),
            1 => bytes.AsSpan(0, _random.Next(bytes.Length + 1)).ToArray(),
            2 => DuplicateLine(bytes, times: _random.Next(1, 300)),
            3 => OversizeLine(bytes),
            4 => Replace(bytes, NumberAt(bytes), "99999999999999999999999999"),
            5 => Insert(bytes, _random.Next(bytes.Length), BadUtf8[_random.Next(BadUtf8.Length)]),
            6 => Insert(bytes, _random.Next(bytes.Length), Encoding.ASCII.GetBytes(Pick(";", ",", "\"", "<", ">", "\r", "\n", "\r\n ", ":", "%", "\0", "@", "?"))),
            _ => FlipBits(DuplicateLine(bytes, 1)),
        };
    }

    private byte[] FlipBits(byte[] bytes)
    {
        var flips = _random.Next(1, 8);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return bytes;
    }

    private byte[] DuplicateLine(byte[] bytes, int times)
    {
        var lines = SplitLines(bytes);
        if (lines.Count < 2)
        {
            return bytes;
        }

        var index = _random.Next(1, lines.Count);
        var line = lines[index];
        lines.InsertRange(index, Enumerable.Repeat(line, times));
        return Join(lines);
    }

    private byte[] OversizeLine(byte[] bytes)
    {
        var lines = SplitLines(bytes);
        var index = _random.Next(lines.Count);
        lines[index] = [.. lines[index], .. Enumerable.Repeat((byte)'a', _random.Next(1_000, 70_000))];
        return Join(lines);
    }

    private int NumberAt(byte[] bytes)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var i = _random.Next(bytes.Length);
            if (char.IsAsciiDigit((char)bytes[i]))
            {
                return i;
            }
        }

        return _random.Next(bytes.Length);
    }

    private static byte[] Replace(byte[] bytes, int at, string text) =>
        [.. bytes.AsSpan(0, at), .. Encoding.ASCII.GetBytes(text), .. bytes.AsSpan(Math.Min(bytes.Length, at + 1))];

    private static byte[] Insert(byte[] bytes, int at, byte[] extra) => [.. bytes.AsSpan(0, at), .. extra, .. bytes.AsSpan(at)];

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                lines.Add(bytes[start..(i + 2)]);
                start = i + 2;
                i++;
            }
        }

        lines.Add(bytes[start..]);
        return lines;
    }

    private static byte[] Join(List<byte[]> lines) => lines.SelectMany(l => l).ToArray();
}
