using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Appliance.Host.Logging.Internal;

/// <summary>
/// Writes formatted events to a given TextWriter: the console sink when the CLI runs in-process with captured output.
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly object _gate = new();

    public void Emit(LogEvent logEvent)
    {
        // Writers such as StringWriter are not thread-safe, and Kestrel logs from pool threads.
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
