using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media.Signals;

public class CallerIdFskTests
{
    private static readonly DateTimeOffset At = new(2025, 12, 31, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void Burst_is_seizure_then_mark_then_the_message_at_1200_baud()
    {
        var info = new CallerIdInfo("13800138000", "ZHANG WEI");
        var burst = CallerIdFsk.Modulate(info, At);

        // 0x80, length, 01 08 MMDDHHMM, 02 11 number, 07 09 name, checksum: 3 + 10 + 13 + 11 = 37 bytes of 10 bits.
        var bits = CallerIdFsk.ChannelSeizureBits + CallerIdFsk.MarkBits + (37 * 10);
        Assert.Equal((int)Math.Ceiling(bits * 8000 / 1200.0), burst.Length);
        Assert.Equal(-13, AudioLevel.MeasureDbm0(burst), 0.3);

        // Seizure: mark and space in equal measure; mark period: mark only.
        var seizure = burst.AsSpan(0, 2000);
        Assert.Equal(ToneAnalysis.PowerDbm0(seizure, 1200), ToneAnalysis.PowerDbm0(seizure, 2200), 2.0);
        var mark = burst.AsSpan(2100, 1000);
        Assert.True(ToneAnalysis.PowerDbm0(mark, 1200) > -14);
        Assert.True(ToneAnalysis.PowerDbm0(mark, 2200) < -40);
    }

    [Fact]
    public void V23_uses_1300_and_2100_Hz()
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("1", "A"), At, FskStandard.V23, -20);
        var mark = burst.AsSpan(2100, 1000);
        Assert.Equal(1300, ToneAnalysis.DominantFrequency(mark, 1000, 2500, 10));
        var receiver = new CallerIdReceiver(new CallerIdReceiverOptions { Modulation = CallerIdModulation.V23 });
        Assert.Equal("1", (receiver.Process(burst) ?? receiver.Process(new short[800]))?.Number);
        Assert.Equal(-20, AudioLevel.MeasureDbm0(burst), 0.3);
    }

    [Fact]
    public void Round_trips_through_the_receiver_including_the_timestamp_in_its_own_offset()
    {
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.FromHours(8));
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("95599", "ABC BANK"), at);
        var receiver = new CallerIdReceiver();
        var message = receiver.Process(burst);
        message ??= receiver.Process(new short[800]);
        Assert.Equal(new CallerIdMessage("95599", "ABC BANK", "01020304", null, null), message);
    }

    [Theory]
    [InlineData("", "NAME")]
    [InlineData("123456789012345678901", "NAME")]
    [InlineData("12\u00e934", "NAME")]
    [InlineData("1234", "")]
    [InlineData("1234", "NAME\nX")]
    public void Bad_number_or_name_is_refused(string number, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => CallerIdFsk.Modulate(new CallerIdInfo(number, name), At));
        Assert.Contains("Caller-ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_reason_level_or_standard_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CallerIdFsk.Modulate(new CallerIdInfo(null, null, 'X'), At));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerIdFsk.Modulate(new CallerIdInfo("1", "A"), At, levelDbm0: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerIdFsk.Modulate(new CallerIdInfo("1", "A"), At, (FskStandard)7));
        Assert.Throws<ArgumentNullException>(() => CallerIdFsk.Modulate(null!, At));
    }
}
