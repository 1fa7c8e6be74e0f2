using System.Globalization;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;

namespace Appliance.Telephony.Simulated;

/// <summary>Dials simulated agent phones: "sim:1001;answer=2000;tone=1400;talk=0".</summary>
public sealed class SimulatedPhoneDialer(MediaClock clock) : IChannelDialer
{
    private int _sequence;

    /// <inheritdoc />
    public string Technology => "sim";

    /// <inheritdoc />
    public IChannel Dial(string target)
    {
        var profile = SimulatedPhoneProfile.Parse(target);
        var id = string.Create(CultureInfo.InvariantCulture, $"sim/{profile.Extension}-{Interlocked.Increment(ref _sequence):D6}");
        return new SimulatedPhoneChannel(clock, id, profile);
    }
}
