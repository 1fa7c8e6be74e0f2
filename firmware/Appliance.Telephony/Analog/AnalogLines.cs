using Appliance.Hal.Lines;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Analog;

/// <summary>
/// The analog channel driver: one <see cref="AnalogLine"/> state machine per board port, all on the shared media
/// clock, reporting their calls as one inbound source.
/// </summary>
public sealed class AnalogLines : IInboundCallSource
{
    /// <summary>Creates a line for every port and registers it with the clock.</summary>
    public AnalogLines(IReadOnlyList<IAnalogLinePort> ports, MediaClock clock, IOptions<AnalogLineOptions> options, ILoggerFactory loggers)
    {
        Lines = ports.Select(port => new AnalogLine(port, clock, options.Value, loggers.CreateLogger<AnalogLine>())).ToList();
        foreach (var line in Lines)
        {
            line.IncomingCall += channel => CallArrived?.Invoke(channel, line.PortNumber);
            clock.Register(line);
        }
    }

    /// <inheritdoc />
    public event Action<IChannel, int?>? CallArrived;

    /// <summary>The lines, in port order.</summary>
    public IReadOnlyList<AnalogLine> Lines { get; }
}
