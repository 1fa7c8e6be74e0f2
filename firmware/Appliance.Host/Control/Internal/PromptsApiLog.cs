using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>Log messages of the prompts control API (event ids 290-299).</summary>
internal static partial class PromptsApiLog
{
    [LoggerMessage(EventId = 290, Level = LogLevel.Warning, Message = "Prompt {Language}/{Name}: refused over the control socket: {Problem}")]
    public static partial void Refused(ILogger logger, string language, string name, string problem);
}
