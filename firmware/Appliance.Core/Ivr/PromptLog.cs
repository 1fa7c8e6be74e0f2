using Microsoft.Extensions.Logging;

namespace Appliance.Core.Ivr;

internal static partial class PromptLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Prompt {Path} cannot be played: {Reason}")]
    public static partial void Unreadable(ILogger logger, string path, string reason);

    // 2102 was "prompt is not 8 kHz mono": prompts of any rate and channel count are converted now.

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Prompt name {Name} is not a plain name")]
    public static partial void BadName(ILogger logger, string name);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Prompt {Language}/{Name} added ({Seconds:0.0} s; overrides the built-in one: {OverridesBuiltIn})")]
    public static partial void Added(ILogger logger, string language, string name, double seconds, bool overridesBuiltIn);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Prompt {Language}/{Name} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string language, string name, string reason);
}
