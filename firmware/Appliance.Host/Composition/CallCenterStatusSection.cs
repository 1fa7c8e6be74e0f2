using Appliance.Core.Acd;
using Appliance.Core.Directory;
using Appliance.Core.Routing;
using Appliance.Host.Control;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Composition;

/// <summary>"callCenter" in `appliance status`: calls in progress, queues and agents, read on the media loop.</summary>
/// <remarks>Resolves the call center when asked, not when the host builds, since it needs the migrated database.</remarks>
internal sealed class CallCenterStatusSection(IServiceProvider services) : IStatusSection
{
    public string Name => "callCenter";

    public object GetStatus()
    {
        var callCenter = services.GetRequiredService<CallCenter>();
        var acd = services.GetRequiredService<AcdService>();
        var roster = services.GetRequiredService<AgentRoster>();
        var directory = services.GetRequiredService<ICallCenterDirectory>();
        var clock = services.GetRequiredService<MediaClock>();
        return Snapshot(callCenter, acd, roster, directory, clock);
    }

    private static object Snapshot(CallCenter callCenter, AcdService acd, AgentRoster roster, ICallCenterDirectory directory, MediaClock clock) =>
        clock.InvokeAsync(() => new
    {
        activeCalls = callCenter.ActiveCalls.Select(c => new { callId = c.CallId, line = c.Line, caller = c.Channel.Caller.Number, queue = c.Queue, agent = c.Agent }).ToList(),
        agents = roster.States().Select(a => new
        {
            id = a.AgentId,
            status = a.Status.ToString().ToLowerInvariant(),
            reason = a.PauseReason,
            reasonName = a.PauseReason is { } code ? directory.PauseReason(code)?.Name : null,
            since = a.Since,
            secondsInState = Math.Round((clock.Time.GetUtcNow() - a.Since).TotalSeconds, 1),
        }).ToList(),
        queues = directory.AllQueues.Select(q => new { name = q.Name, waiting = acd.WaitingIn(q.Name) }).ToList(),
        mediaTicks = clock.Tick,
    }).WaitAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
}
