using Microsoft.Extensions.Logging;

namespace Appliance.Core.Recording.Internal;

internal static partial class RecordingDiskLog
{
    [LoggerMessage(EventId = 3305, Level = LogLevel.Error, Message = "ALARM recording suspended: {Reason}; calls go on unrecorded ({Cut} running recordings cut short)")]
    public static partial void Suspended(ILogger logger, string reason, int cut);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "Recording resumed: {FreeMegabytes} MB free on the recordings disk after {SuspendedSeconds} s suspended")]
    public static partial void Resumed(ILogger logger, long freeMegabytes, long suspendedSeconds);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Warning, Message = "The free space of the recordings disk could not be read: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Error, Message = "Recording file {Path} could not be written: {Reason}")]
    public static partial void WriteFailed(ILogger logger, string path, string reason);
}
