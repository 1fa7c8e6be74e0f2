using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Media.Support;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

public class CallerIdReceiverTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 7, 9, 41, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(FskStandard.Bell202, CallerIdModulation.Auto)]
    [InlineData(FskStandard.V23, CallerIdModulation.Auto)]
    [InlineData(FskStandard.Bell202, CallerIdModulation.Bell202)]
    [InlineData(FskStandard.V23, CallerIdModulation.V23)]
    public void Decodes_an_MDMF_burst(FskStandard standard, CallerIdModulation modulation)
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("13800138000", "ZHANG WEI"), At, standard);
        var receiver = new CallerIdReceiver(new CallerIdReceiverOptions { Modulation = modulation });

        var message = Receive(receiver, Concat(Silence(500), burst, Silence(200)));

        Assert.Equal(new CallerIdMessage("13800138000", "ZHANG WEI", "03070941", null, null), message);
        Assert.Equal(0, receiver.ChecksumFailures);
    }

    [Theory]
    [InlineData(FskStandard.Bell202, -13, 1)]
    [InlineData(FskStandard.Bell202, -25, 2)]
    [InlineData(FskStandard.Bell202, -13, 3)]
    [InlineData(FskStandard.V23, -13, 4)]
    [InlineData(FskStandard.V23, -25, 5)]
    [InlineData(FskStandard.V23, -13, 6)]
    public void Decodes_with_white_noise_20_dB_below_the_signal(FskStandard standard, double level, int seed)
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("075583765566", "BANK OF CHINA SZ"), At, standard, level);
        var audio = WithNoise(Concat(Silence(400), burst, Silence(300)), level, snrDb: 20, seed);
        var receiver = new CallerIdReceiver();

        var message = Receive(receiver, audio);

        Assert.NotNull(message);
        Assert.Equal("075583765566", message.Number);
        Assert.Equal("BANK OF CHINA SZ", message.Name);
        Assert.Equal(0, receiver.ChecksumFailures);
    }

    [Fact]
    public void Decodes_after_G711_coding()
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("95588", "ICBC"), At, FskStandard.Bell202, -20);
        var coded = new byte[burst.Length];
        G711.EncodeALaw(burst, coded);
        var decoded = new short[burst.Length];
        G711.DecodeALaw(coded, decoded);

        Assert.Equal("95588", Receive(new CallerIdReceiver(), Concat(decoded, Silence(100)))?.Number);
    }

    [Fact]
    public void A_wrong_checksum_is_rejected_and_counted()
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("13800138000", "ZHANG WEI"), At, corruptChecksum: true);
        var receiver = new CallerIdReceiver();

        Assert.Null(Receive(receiver, Concat(burst, Silence(200))));
        Assert.Equal(1, receiver.ChecksumFailures);

        // The receiver still takes the next, good burst.
        var good = CallerIdFsk.Modulate(new CallerIdInfo("13800138000", "ZHANG WEI"), At);
        Assert.Equal("13800138000", Receive(receiver, Concat(Silence(300), good, Silence(200)))?.Number);
        Assert.Equal(1, receiver.ChecksumFailures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(-35)]
    public void Silence_or_noise_between_rings_gives_nothing(double noiseDbm0)
    {
        var audio = noiseDbm0 == 0 ? Silence(4000) : WithNoise(Silence(4000), noiseDbm0, 0, seed: 8);
        var receiver = new CallerIdReceiver();

        Assert.Null(Receive(receiver, audio));
        Assert.Equal(0, receiver.ChecksumFailures);
    }

    [Fact]
    public void Speech_like_audio_gives_nothing()
    {
        var receiver = new CallerIdReceiver();
        Assert.Null(Receive(receiver, InterferenceSignals.Speech(20, seed: 4)));
    }

    [Theory]
    [InlineData('P')]
    [InlineData('O')]
    public void Withheld_number_and_name_give_their_absence_reasons(char reason)
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo(null, null, reason), At, FskStandard.V23);

        var message = Receive(new CallerIdReceiver(), Concat(burst, Silence(100)));

        Assert.Equal(new CallerIdMessage(null, null, "03070941", reason, reason), message);
    }

    [Fact]
    public void Number_without_name_reports_the_name_as_unavailable()
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("8008", null), At);
        Assert.Equal(new CallerIdMessage("8008", null, "03070941", null, 'O'), Receive(new CallerIdReceiver(), Concat(burst, Silence(100))));
    }

    [Fact]
    public void Decodes_SDMF_with_a_number()
    {
        var burst = FskBurst.Modulate(FskBurst.Message(0x04, FskBurst.Ascii("1231235955512345")));
        Assert.Equal(new CallerIdMessage("55512345", null, "12312359", null, null), Receive(new CallerIdReceiver(), Concat(burst, Silence(100))));
    }

    [Fact]
    public void Decodes_SDMF_with_a_private_number_over_V23()
    {
        var burst = FskBurst.Modulate(FskBurst.Message(0x04, FskBurst.Ascii("01010000P")), 1300, 2100, seizureBits: 0, markBits: 80);
        Assert.Equal(new CallerIdMessage(null, null, "01010000", 'P', null), Receive(new CallerIdReceiver(), Concat(burst, Silence(100))));
    }

    [Fact]
    public void Bad_SDMF_checksum_is_counted()
    {
        var burst = FskBurst.Modulate(FskBurst.Message(0x04, FskBurst.Ascii("1231235955512345"), badChecksum: true));
        var receiver = new CallerIdReceiver();
        Assert.Null(Receive(receiver, Concat(burst, Silence(100))));
        Assert.Equal(1, receiver.ChecksumFailures);
    }

    [Fact]
    public void Malformed_or_unknown_messages_with_a_good_checksum_give_nothing()
    {
        // A parameter claims 40 bytes in a 10-byte body; a message-waiting message (type 0x82) is not caller ID; an SDMF
        // message too short for its timestamp.
        var overrun = FskBurst.Message(0x80, [0x02, 40, .. FskBurst.Ascii("12345678")]);
        var waiting = FskBurst.Message(0x82, [0x0B, 0x01, 0xFF]);
        var shortSingle = FskBurst.Message(0x04, FskBurst.Ascii("0101"));
        var receiver = new CallerIdReceiver();

        Assert.Null(Receive(receiver, Concat(FskBurst.Modulate(overrun), Silence(200), FskBurst.Modulate(waiting), Silence(200),
            FskBurst.Modulate(shortSingle), Silence(200))));
        Assert.Equal(0, receiver.ChecksumFailures);
    }

    [Fact]
    public void Random_messages_with_good_checksums_never_throw_and_well_formed_ones_decode()
    {
        var random = new Random(42);
        var receiver = new CallerIdReceiver();
        var decoded = 0;
        for (var i = 0; i < 60; i++)
        {
            var body = new byte[random.Next(0, 40)];
            random.NextBytes(body);
            byte type = (i % 3) switch { 0 => 0x04, 1 => 0x80, _ => (byte)random.Next(256) };
            if (i % 6 == 1)
            {
                // A well-formed MDMF number parameter.
                body = [0x02, 5, .. FskBurst.Ascii("12345")];
            }

            var message = Receive(receiver, Concat(FskBurst.Modulate(FskBurst.Message(type, body), seizureBits: 0, markBits: 40), Silence(50)));
            if (i % 6 == 1)
            {
                Assert.Equal("12345", message?.Number);
                decoded++;
            }
        }

        Assert.Equal(10, decoded);
        Assert.Equal(0, receiver.ChecksumFailures);
    }

    [Fact]
    public void Full_scale_garbage_audio_never_throws()
    {
        var random = new Random(5);
        var garbage = new short[8000 * 5];
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = random.Next(4) == 0 ? short.MinValue : (short)random.Next(short.MinValue, short.MaxValue);
        }

        var receiver = new CallerIdReceiver();
        Assert.Null(Receive(receiver, garbage));
        Assert.Null(receiver.Process([]));
    }

    [Fact]
    public void Unknown_MDMF_parameters_are_skipped_and_unprintable_bytes_shown_as_question_marks()
    {
        byte[] body = [0x03, 0x02, (byte)'9', (byte)'9', 0x02, 0x04, (byte)'1', 0x07, (byte)'2', (byte)'3'];
        var burst = FskBurst.Modulate(FskBurst.Message(0x80, body));
        Assert.Equal(new CallerIdMessage("1?23", null, null, null, null), Receive(new CallerIdReceiver(), Concat(burst, Silence(100))));
    }

    [Fact]
    public void Chunk_size_does_not_matter()
    {
        var audio = Concat(Silence(100), CallerIdFsk.Modulate(new CallerIdInfo("12345", "X"), At), Silence(100));
        foreach (var chunk in new[] { 1, 7, 160, 1024, audio.Length })
        {
            Assert.Equal("12345", Receive(new CallerIdReceiver(), audio, chunk)?.Number);
        }
    }

    [Fact]
    public void The_message_is_returned_by_the_call_that_completes_it_and_only_once()
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("12345", "X"), At);
        var receiver = new CallerIdReceiver();
        Assert.Null(receiver.Process(burst.AsSpan(0, burst.Length - 20)));
        Assert.NotNull(receiver.Process(burst.AsSpan(burst.Length - 20)));
        Assert.Null(receiver.Process(Silence(100)));
    }

    [Fact]
    public void Reset_drops_a_half_received_message_and_the_failure_count()
    {
        var receiver = new CallerIdReceiver();
        Receive(receiver, CallerIdFsk.Modulate(new CallerIdInfo("1", "A"), At, corruptChecksum: true));
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("12345", "X"), At);
        // Stop 40 bits into the message: seizure and mark have been heard.
        var split = (int)((CallerIdFsk.ChannelSeizureBits + CallerIdFsk.MarkBits + 40) * 8000 / 1200.0);
        receiver.Process(burst.AsSpan(0, split));
        receiver.Reset();

        Assert.Equal(0, receiver.ChecksumFailures);
        Assert.Null(receiver.Process(Concat(burst[split..], Silence(100))));
        Assert.Equal(0, receiver.ChecksumFailures);
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new CallerIdReceiver(new CallerIdReceiverOptions { MinimumLevelDbm0 = 5 }));
        Assert.Contains("Telephony:CallerId:MinimumLevelDbm0", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => new CallerIdReceiver(new CallerIdReceiverOptions { Modulation = (CallerIdModulation)9 }));
        Assert.Contains("Telephony:CallerId:Modulation", error.Message, StringComparison.Ordinal);
    }

    private static CallerIdMessage? Receive(CallerIdReceiver receiver, short[] audio, int chunk = 160)
    {
        CallerIdMessage? received = null;
        for (var offset = 0; offset < audio.Length; offset += chunk)
        {
            var message = receiver.Process(audio.AsSpan(offset, Math.Min(chunk, audio.Length - offset)));
            if (message is not null)
            {
                Assert.Null(received); // one burst, one message
                received = message;
            }
        }

        return received;
    }
}
