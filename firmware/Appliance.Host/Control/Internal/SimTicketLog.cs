using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>Log messages of the simulated-ticket endpoint (event ids 260-269).</summary>
internal static partial class SimTicketLog
{
    [LoggerMessage(EventId = 260, Level = LogLevel.Information, Message = "Simulated tickets {Prefix}-{First} x {Count} created")]
    public static partial void Created(ILogger logger, string prefix, int first, int count);

    [LoggerMessage(EventId = 261, Level = LogLevel.Warning, Message = "Simulated ticket request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
