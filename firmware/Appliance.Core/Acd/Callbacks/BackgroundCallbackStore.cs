using System.Threading.Channels;
using Appliance.Core.Acd.Internal;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Acd.Callbacks;

/// <summary>
/// Takes callback changes from the media loop without blocking it and writes them, in order, on one background task,
/// the way the call journal writes events. A write that fails is retried with a back-off, then logged and dropped.
/// </summary>
public sealed class BackgroundCallbackStore : ICallbackStore, IDisposable
{
    private const int MaxAttempts = 5;
    private readonly Channel<Func<Task>> _queue = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ICallbackStore _inner;
    private readonly ILogger<BackgroundCallbackStore> _logger;
    private readonly Task _writer;

    /// <summary>Starts the writer over <paramref name="inner"/>, a store that writes synchronously.</summary>
    public BackgroundCallbackStore(ICallbackStore inner, ILogger<BackgroundCallbackStore> logger)
    {
        _inner = inner;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<PendingCallback> LoadPending() => _inner.LoadPending();

    /// <inheritdoc />
    public void Save(PendingCallback callback) => Enqueue(callback.Id, () => _inner.Save(callback));

    /// <inheritdoc />
    public void Close(string id, string outcome, DateTimeOffset at) => Enqueue(id, () => _inner.Close(id, outcome, at));

    /// <summary>Completes once everything queued so far is written.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(() =>
        {
            done.TrySetResult();
            return Task.CompletedTask;
        });
        return done.Task;
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (!_writer.Wait(TimeSpan.FromSeconds(10)))
        {
            CallbackLog.WriterStillBusy(_logger);
        }
    }

    private void Enqueue(string id, Action write) => _queue.Writer.TryWrite(() => WriteAsync(id, write));

    private async Task WriteLoopAsync()
    {
        await foreach (var write in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await write().ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string id, Action write)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                write();
                return;
            }
            catch (Exception ex)
            {
                CallbackLog.WriteFailed(_logger, id, attempt, ex);
                await Task.Delay(50 * attempt).ConfigureAwait(false);
            }
        }

        CallbackLog.Dropped(_logger, id);
    }
}
