using System.Globalization;
using Appliance.Telephony.Analog.Internal;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Analog;

/// <summary>
/// Dials out on the analog lines: "line:5551234" takes the first idle line, "line:2/5551234" port 2. The channel's
/// <see cref="IChannel.Answered"/> completes when the far end answers; <see cref="IChannel.Ended"/> says why it did not
/// (<see cref="HangupCause.Busy"/>, <see cref="HangupCause.Congestion"/>, <see cref="HangupCause.NoAnswer"/>, or
/// <see cref="HangupCause.Failed"/>: no dial tone, no idle line, glare). Use it on the media loop, like every channel.
/// </summary>
public sealed class AnalogLineDialer(AnalogLines lines, MediaClock clock, ILogger<AnalogLineDialer> logger) : IChannelDialer
{
    private int _unplaced;

    /// <inheritdoc />
    public string Technology => "line";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The port does not exist or the number holds a character that cannot be dialled.</exception>
    /// <exception cref="InvalidOperationException">Called off the media loop.</exception>
    public IChannel Dial(string target)
    {
        var parsed = DialTarget.Parse(target, lines.Lines.Count);
        if (!clock.IsOnLoop)
        {
            throw new InvalidOperationException("Analog lines are dialled on the media loop only.");
        }

        var line = parsed.Port is { } port
            ? lines.Lines.First(l => l.PortNumber == port)
            : lines.Lines.FirstOrDefault(l => l.Status == AnalogLineStatus.Idle);
        if (line is null)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"analog/none-{++_unplaced:D6}");
            AnalogLineDialerLog.NoIdleLine(logger, id, parsed.Number);
            return new UnplacedChannel(id);
        }

        return line.DialOut(parsed.Number);
    }
}
