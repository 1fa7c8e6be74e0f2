using Microsoft.Extensions.Logging;

namespace Appliance.Core.Tests.Fakes;

/// <summary>A logger that keeps each entry's event id and message, to check that something was logged.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(int EventId, string Message)> _entries = [];

    public IReadOnlyList<(int EventId, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((eventId.Id, formatter(state, exception)));
        }
    }
}
