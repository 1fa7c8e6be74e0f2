using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Journal;

/// <summary>
/// Takes events and call records from the media loop without blocking it, and writes them on one background thread
/// in batches, in order: a call's record is stored only after every event appended before it.
/// </summary>
public sealed class BackgroundCallJournal : ICallJournal, IDisposable
{
    private const int MaxBatch = 512;
    private const int MaxAttempts = 5;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ICallRecordStore _store;
    private readonly ILogger<BackgroundCallJournal> _logger;
    private readonly Task _writer;

    /// <summary>Starts the writer thread.</summary>
    public BackgroundCallJournal(ICallRecordStore store, ILogger<BackgroundCallJournal> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <inheritdoc />
    public void Append(CallEvent callEvent) => _queue.Writer.TryWrite(callEvent);

    /// <inheritdoc />
    public Task CompleteCallAsync(CallDetail detail)
    {
        var item = new PendingCall(detail);
        _queue.Writer.TryWrite(item);
        return item.Stored.Task;
    }

    /// <summary>Completes once everything queued so far is written.</summary>
    public Task FlushAsync()
    {
        var marker = new PendingCall(null);
        _queue.Writer.TryWrite(marker);
        return marker.Stored.Task;
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task WriteLoop()
    {
        var events = new List<CallEvent>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                if (item is CallEvent callEvent)
                {
                    events.Add(callEvent);
                    if (events.Count >= MaxBatch)
                    {
                        await WriteEventsAsync(events).ConfigureAwait(false);
                    }

                    continue;
                }

                await WriteEventsAsync(events).ConfigureAwait(false);
                var call = (PendingCall)item;
                try
                {
                    if (call.Detail is not null)
                    {
                        _store.SaveCall(call.Detail);
                    }

                    call.Stored.TrySetResult();
                }
                catch (Exception ex)
                {
                    call.Stored.TrySetException(ex);
                }
            }

            await WriteEventsAsync(events).ConfigureAwait(false);
        }
    }

    private async Task WriteEventsAsync(List<CallEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                _store.AppendEvents(events);
                events.Clear();
                return;
            }
            catch (Exception ex)
            {
                JournalLog.AppendFailed(_logger, events.Count, attempt, ex);
                // A busy or briefly failing database: back off without holding a thread.
                await Task.Delay(50 * attempt).ConfigureAwait(false);
            }
        }

        JournalLog.Dropped(_logger, events.Count);
        events.Clear();
    }

    private sealed class PendingCall(CallDetail? detail)
    {
        public CallDetail? Detail { get; } = detail;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
