using System.Threading.Channels;
using Appliance.Core.Acd;
using Appliance.Core.Persistence.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Persistence;

/// <summary>
/// Keeps agents' choices in SQLite (agent_states) without the media loop ever waiting: <see cref="Save"/> queues, one
/// background task writes, the newest choice per agent winning when several queue up. <see cref="Load"/> reads them
/// back at start, before the media loop runs.
/// </summary>
public sealed class BackgroundAgentChoiceStore : IAgentChoiceStore, IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AgentStateRepository _repository;
    private readonly ILogger<BackgroundAgentChoiceStore> _logger;
    private readonly Task _writer;

    /// <summary>Starts the writer.</summary>
    public BackgroundAgentChoiceStore(ApplianceDatabase database, ILogger<BackgroundAgentChoiceStore> logger)
    {
        _repository = new AgentStateRepository(database);
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The stored choices (the database must be migrated).</summary>
    public IReadOnlyList<AgentChoice> Load() =>
        [.. _repository.List().Select(r => new AgentChoice(r.AgentId, r.LoggedIn, r.PauseReason, r.ChangedAt))];

    /// <inheritdoc />
    public void Save(AgentChoice choice) => _queue.Writer.TryWrite(choice);

    /// <summary>Completes once everything queued so far is written (or given up on, and logged).</summary>
    public Task FlushAsync()
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(marker))
        {
            marker.TrySetResult();
        }

        return marker.Task;
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var pending = new Dictionary<string, AgentChoice>(StringComparer.Ordinal);
        var markers = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                if (item is AgentChoice choice)
                {
                    pending[choice.AgentId] = choice;
                }
                else
                {
                    markers.Add((TaskCompletionSource)item);
                }
            }

            await WriteAsync(pending).ConfigureAwait(false);
            markers.ForEach(m => m.TrySetResult());
            markers.Clear();
        }
    }

    private async Task WriteAsync(Dictionary<string, AgentChoice> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var records = pending.Values.Select(c => new AgentStateRecord(c.AgentId, c.LoggedIn, c.PauseReason, c.ChangedAt)).ToList();
        pending.Clear();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                _repository.Save(records);
                return;
            }
            catch (Exception error)
            {
                AgentChoiceLog.SaveFailed(_logger, records.Count, attempt, error);

                // A busy database: back off without holding a thread.
                await Task.Delay(50 * attempt).ConfigureAwait(false);
            }
        }

        AgentChoiceLog.Dropped(_logger, records.Count);
    }
}
