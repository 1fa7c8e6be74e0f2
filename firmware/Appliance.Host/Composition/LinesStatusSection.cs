using Appliance.Host.Control;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Clock;

namespace Appliance.Host.Composition;

/// <summary>"lines" in `appliance status`: each analog line's state, read on the media loop.</summary>
internal sealed class LinesStatusSection(AnalogLines lines, MediaClock clock) : IStatusSection
{
    public string Name => "lines";

    public object GetStatus() => clock.InvokeAsync(() => lines.Lines.Select(line => new
    {
        port = line.PortNumber,
        status = line.Status.ToString().ToLowerInvariant(),
        channel = line.CurrentChannel?.Id,
        caller = line.CurrentChannel?.Caller.Number,
    }).ToList()).WaitAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
}
