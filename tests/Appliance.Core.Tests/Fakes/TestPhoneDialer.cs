using System.Globalization;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Tests.Fakes;

/// <summary>
/// Dials phones the test can inspect: "test:2001;answer=1000;tone=2000" rings, answers after a second (answer=never
/// rings until hung up), speaks 2000 Hz and keeps everything it heard; "busy=500" (or "congestion=500") ends ringing
/// with that cause instead; "sent=3000" sends the number for 3 s before it rings, like an analog line's DTMF. <see cref="Behaviours"/> adds settings by extension, for dial strings a test does not write.
/// </summary>
internal sealed class TestPhoneDialer(MediaClock clock) : IChannelDialer
{
    public string Technology => "test";

    public List<TestPhone> Dialed { get; } = [];

    /// <summary>The last phone rung for <paramref name="extension"/>.</summary>
    public TestPhone Last(string extension) => Dialed.Last(p => p.Endpoint == extension);

    /// <summary>Settings ("answer=never", "busy=500") added to every dial of an extension.</summary>
    public Dictionary<string, string> Behaviours { get; } = [];

    public IChannel Dial(string target)
    {
        var parts = target.Split(';');
        if (Behaviours.TryGetValue(parts[0], out var extra))
        {
            parts = [.. parts, .. extra.Split(';')];
        }

        var settings = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var refusal = settings.ContainsKey("busy") ? HangupCause.Busy : settings.ContainsKey("congestion") ? HangupCause.Congestion : (HangupCause?)null;
        var answer = settings.GetValueOrDefault("busy") ?? settings.GetValueOrDefault("congestion") ?? settings.GetValueOrDefault("answer", "1000");
        var ticks = answer == "never" ? long.MaxValue : long.Parse(answer, CultureInfo.InvariantCulture) / 20;
        var phone = new TestPhone(
            $"test/{parts[0]}-{Dialed.Count + 1}", parts[0], ticks, double.Parse(settings.GetValueOrDefault("tone", "1400"), CultureInfo.InvariantCulture), refusal,
            long.Parse(settings.GetValueOrDefault("sent", "0"), CultureInfo.InvariantCulture) / 20);
        clock.Register(phone);
        _ = phone.Ended.ContinueWith(_ => clock.Unregister(phone), TaskScheduler.Default);
        Dialed.Add(phone);
        return phone;
    }
}
