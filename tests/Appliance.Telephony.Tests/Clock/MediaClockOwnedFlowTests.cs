using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Tests.Clock;

public sealed class MediaClockOwnedFlowTests
{
    [Fact]
    public async Task An_owned_flow_is_waited_for_and_its_failure_is_logged_not_lost()
    {
        var logger = new CapturingLogger();
        using var clock = new MediaClock(new ManualTimeProvider(), logger);
        var running = new TaskCompletionSource();
        var failing = new TaskCompletionSource();

        clock.Own(running.Task, "a call");
        clock.Own(failing.Task, "an offer");
        var finished = clock.WhenFlowsFinished();
        failing.SetException(new InvalidOperationException("the phone vanished"));

        Assert.False(finished.IsCompleted);
        Assert.Equal(1, clock.OwnedFlowCount);
        running.SetResult();
        await finished.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, clock.OwnedFlowCount);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal((1005, LogLevel.Error), (entry.Id, entry.Level));
        Assert.Contains("an offer", entry.Message, StringComparison.Ordinal);
        Assert.Equal("the phone vanished", entry.Exception?.Message);
    }

    private sealed class CapturingLogger : ILogger<MediaClock>
    {
        private readonly object _gate = new();
        private readonly List<(int Id, LogLevel Level, string Message, Exception? Exception)> _entries = [];

        public IReadOnlyList<(int Id, LogLevel Level, string Message, Exception? Exception)> Entries
        {
            get
            {
                lock (_gate)
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
            lock (_gate)
            {
                _entries.Add((eventId.Id, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
