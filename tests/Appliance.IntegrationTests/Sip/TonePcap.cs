using System.Buffers.Binary;
using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// Writes a pcap file (Ethernet/IPv4/UDP/RTP, the form SIPp's play_pcap_audio reads) holding a steady G.711 tone, so a
/// SIPp peer "speaks" a frequency the recording can be checked for.
/// </summary>
internal static class TonePcap
{
    public static void Write(string path, double hz, TimeSpan duration, bool aLaw)
    {
        using var file = File.Create(path);
        WriteHeader(file);
        var samples = new short[160];
        var payload = new byte[160];
        var frame = new byte[14 + 20 + 8 + 12 + 160];
        var packets = (int)(duration.TotalMilliseconds / 20);
        Span<byte> record = stackalloc byte[16];
        for (var n = 0; n < packets; n++)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * hz * ((n * 160) + i) / 8000));
            }

            if (aLaw)
            {
                G711.EncodeALaw(samples, payload);
            }
            else
            {
                G711.EncodeMuLaw(samples, payload);
            }

            BuildFrame(frame, (ushort)n, (uint)(n * 160), aLaw ? (byte)8 : (byte)0, payload);
            var micros = (long)n * 20_000;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }

    /// <summary>
    /// Writes one RFC 4733 key press (payload type 101, 100 ms, the end packet sent three times) at RTP timestamp
    /// <paramref name="timestamp"/>. SIPp replays a pcap's RTP headers as they are, so each press of a call needs its own
    /// file with its own timestamp, or the box rightly takes the replay for a retransmission of the first press.
    /// </summary>
    public static void WriteDigit(string path, byte digitEvent, uint timestamp, ushort firstSequence)
    {
        using var file = File.Create(path);
        WriteHeader(file);
        var payload = new byte[4];
        var frame = new byte[14 + 20 + 8 + 12 + 4];
        Span<byte> record = stackalloc byte[16];
        for (var n = 0; n < 8; n++)
        {
            var end = n >= 5;
            payload[0] = digitEvent;
            payload[1] = (byte)((end ? 0x80 : 0) | 10);
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(2), (ushort)(Math.Min(n + 1, 5) * 160));
            BuildFrame(frame, (ushort)(firstSequence + n), timestamp, 101, payload);
            frame[14 + 20 + 8 + 1] |= n == 0 ? (byte)0x80 : (byte)0; // marker on the first packet of the event
            var micros = (long)n * 20_000;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }

    private static void WriteHeader(Stream file)
    {
        Span<byte> global = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(global, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(global[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(global[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(global[16..], 65_535);
        BinaryPrimitives.WriteUInt32LittleEndian(global[20..], 1); // Ethernet
        file.Write(global);
    }

    private static void BuildFrame(Span<byte> frame, ushort sequence, uint timestamp, byte payloadType, ReadOnlySpan<byte> payload)
    {
        frame.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], 0x0800); // IPv4
        var ip = frame[14..];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + 12 + payload.Length));
        ip[8] = 64;
        ip[9] = 17; // UDP
        ip[12] = 127;
        ip[15] = 1;
        ip[16] = 127;
        ip[19] = 1;
        var udp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 6000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 6002);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + 12 + payload.Length));
        var rtp = udp[8..];
        rtp[0] = 0x80;
        rtp[1] = payloadType;
        BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], 0x5EED5EED);
        payload.CopyTo(rtp[12..]);
    }
}
