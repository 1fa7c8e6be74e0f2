using Microsoft.Extensions.Logging;

namespace Appliance.Core.Ivr;

internal static partial class PromptLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Prompt {Path} cannot be played: {Reason}")]
    public static partial void Unreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Prompt {Path} is {SampleRate} Hz, {Channels} channel(s); prompts must be 8000 Hz mono")]
    public static partial void WrongFormat(ILogger logger, string path, int sampleRate, int channels);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Prompt name {Name} is not a plain name")]
    public static partial void BadName(ILogger logger, string name);
}
