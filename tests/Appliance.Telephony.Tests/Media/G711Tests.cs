using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media;

public class G711Tests
{
    // ITU-T G.711 Table 5 / Table 6: the digital milliwatt (a 1 kHz 0 dBm0 sine) as eight repeating code words.
    private static readonly byte[] MuLawDigitalMilliwatt = [0x1E, 0x0B, 0x0B, 0x1E, 0x9E, 0x8B, 0x8B, 0x9E];
    private static readonly byte[] ALawDigitalMilliwatt = [0x34, 0x21, 0x21, 0x34, 0xB4, 0xA1, 0xA1, 0xB4];

    [Fact]
    public void Digital_milliwatt_decodes_to_a_0_dBm0_sine_at_1_kHz()
    {
        foreach (var (codes, decode) in new (byte[], Func<byte, short>)[] { (MuLawDigitalMilliwatt, G711.DecodeMuLaw), (ALawDigitalMilliwatt, G711.DecodeALaw) })
        {
            var samples = new short[800];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = decode(codes[i % 8]);
            }

            Assert.Equal(0.0, ToneAnalysis.PowerDbm0(samples, 1000), tolerance: 0.15);
            Assert.Equal(0.0, AudioLevel.MeasureDbm0(samples), tolerance: 0.15);
        }
    }

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(-32767, 0x00)]
    [InlineData(8, 0xFE)]       // 14-bit 2 is in the interval 1..3 (code 1)
    [InlineData(-8, 0x7E)]
    [InlineData(3, 0xFF)]       // under one 14-bit step: still zero
    [InlineData(-3, 0x7F)]
    public void MuLaw_encodes_known_code_points(short sample, byte code)
    {
        Assert.Equal(code, G711.EncodeMuLaw(sample));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(16, 0xD4)]
    [InlineData(-16, 0x54)]
    public void ALaw_encodes_known_code_points(short sample, byte code)
    {
        Assert.Equal(code, G711.EncodeALaw(sample));
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0x0B, -20860)]
    public void MuLaw_decodes_known_code_points(byte code, short sample)
    {
        Assert.Equal(sample, G711.DecodeMuLaw(code));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xA1, 20992)]
    public void ALaw_decodes_known_code_points(byte code, short sample)
    {
        Assert.Equal(sample, G711.DecodeALaw(code));
    }

    [Fact]
    public void Every_sample_round_trips_within_half_a_quantisation_step()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var sample = (short)x;
            var muLaw = G711.DecodeMuLaw(G711.EncodeMuLaw(sample));
            var aLaw = G711.DecodeALaw(G711.EncodeALaw(sample));
            // Largest decoded magnitudes: beyond them the codecs clip.
            if (Math.Abs(x) <= 32124)
            {
                Assert.True(Math.Abs(muLaw - x) <= MuLawHalfStep(muLaw), $"µ-law {x} -> {muLaw}");
            }

            if (Math.Abs(x) <= 32256)
            {
                Assert.True(Math.Abs(aLaw - x) <= ALawHalfStep(aLaw), $"A-law {x} -> {aLaw}");
            }
        }
    }

    [Fact]
    public void Every_code_word_round_trips_except_muLaw_negative_zero()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal((byte)expected, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code)));
        }
    }

    [Fact]
    public void Codes_are_symmetric_about_zero()
    {
        for (var code = 0; code < 128; code++)
        {
            Assert.Equal(G711.DecodeMuLaw((byte)(code | 0x80)), -G711.DecodeMuLaw((byte)code));
            Assert.Equal(G711.DecodeALaw((byte)(code | 0x80)), -G711.DecodeALaw((byte)code));
        }

        for (var x = 1; x <= short.MaxValue; x++)
        {
            Assert.Equal(G711.EncodeMuLaw((short)x) ^ 0x80, G711.EncodeMuLaw((short)-x));
            Assert.Equal(G711.EncodeALaw((short)x) ^ 0x80, G711.EncodeALaw((short)-x));
        }
    }

    [Fact]
    public void Decoded_values_grow_with_the_code()
    {
        // Within each sign, a larger segment/step gives a larger magnitude: the companding curve is monotonic.
        for (var x = -32767; x < 32767; x++)
        {
            Assert.True(G711.DecodeMuLaw(G711.EncodeMuLaw((short)x)) <= G711.DecodeMuLaw(G711.EncodeMuLaw((short)(x + 1))));
            Assert.True(G711.DecodeALaw(G711.EncodeALaw((short)x)) <= G711.DecodeALaw(G711.EncodeALaw((short)(x + 1))));
        }
    }

    [Fact]
    public void Span_versions_match_the_single_sample_versions()
    {
        var random = new Random(711);
        var samples = new short[1000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var mu = new byte[samples.Length];
        var a = new byte[samples.Length];
        G711.EncodeMuLaw(samples, mu);
        G711.EncodeALaw(samples, a);
        var muBack = new short[samples.Length];
        var aBack = new short[samples.Length];
        G711.DecodeMuLaw(mu, muBack);
        G711.DecodeALaw(a, aBack);

        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(G711.EncodeMuLaw(samples[i]), mu[i]);
            Assert.Equal(G711.EncodeALaw(samples[i]), a[i]);
            Assert.Equal(G711.DecodeMuLaw(mu[i]), muBack[i]);
            Assert.Equal(G711.DecodeALaw(a[i]), aBack[i]);
        }
    }

    [Fact]
    public void Span_versions_refuse_a_short_destination_and_write_nothing()
    {
        var destination = new byte[4];
        var error = Assert.Throws<ArgumentException>(() => G711.EncodeMuLaw(new short[5], destination));
        Assert.Contains("Destination holds 4", error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
        Assert.Throws<ArgumentException>(() => G711.DecodeALaw(new byte[5], new short[4]));
        Assert.Throws<ArgumentException>(() => G711.EncodeALaw(new short[5], new byte[4]));
        Assert.Throws<ArgumentException>(() => G711.DecodeMuLaw(new byte[5], new short[4]));
    }

    private static int MuLawHalfStep(int decoded)
    {
        // Segment s (14-bit biased value in [2^(s+5), 2^(s+6))) has a step of 2^(s+1) on the 14-bit scale.
        var biased = (Math.Abs(decoded) / 4) + 33;
        var segment = Math.Max(0, (int)Math.Log2(biased) - 5);
        return (8 << segment) / 2 + 4;
    }

    private static int ALawHalfStep(int decoded)
    {
        var magnitude = Math.Abs(decoded) / 8;
        var segment = magnitude < 32 ? 1 : Math.Min(7, (int)Math.Log2(magnitude) - 4);
        return (8 << segment) / 2 + 8;
    }
}
