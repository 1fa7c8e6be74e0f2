using Appliance.Host.Hosting;
using Appliance.Telephony.Clock;

namespace Appliance.Host.Composition;

/// <summary>The appliance's heartbeat is the shared media clock: every line and call moves only while it completes ticks.</summary>
internal sealed class MediaClockHeartbeat(MediaClock clock) : IApplianceHeartbeat
{
    public long Beats => clock.CompletedTicks;
}
