using System.Threading.Channels;
using Appliance.Core.Campaigns.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Campaigns;

/// <summary>
/// Takes campaign changes from the media loop without blocking it and writes them to SQLite in order on one owned
/// background task; a failed write is retried a few times, then logged and dropped.
/// </summary>
public sealed class BackgroundCampaignStore : ICampaignStore, IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly Channel<(string What, Action Write, TaskCompletionSource? Done)> _queue =
        Channel.CreateUnbounded<(string, Action, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ILogger<BackgroundCampaignStore> _logger;
    private readonly TimeProvider _time;
    private readonly Task _writer;

    /// <summary>Starts the writer over <paramref name="repository"/>.</summary>
    public BackgroundCampaignStore(CampaignRepository repository, TimeProvider time, ILogger<BackgroundCampaignStore> logger)
    {
        Repository = repository;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The repository written to (read it off the loop only).</summary>
    public CampaignRepository Repository { get; }

    /// <inheritdoc />
    public void SaveContact(CampaignContactRecord contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        _queue.Writer.TryWrite(($"contact {contact.Number} of {contact.Campaign}", () => Repository.SaveContact(contact), null));
    }

    /// <inheritdoc />
    public void SetState(string campaign, string state) =>
        _queue.Writer.TryWrite(($"campaign {campaign}", () => Repository.SetState(campaign, state), null));

    /// <summary>Completes once everything queued so far is written.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(("flush", () => { }, done)))
        {
            done.TrySetResult();
        }

        return done.Task;
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var (what, write, done) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    write();
                    break;
                }
                catch (StorageException ex)
                {
                    CampaignLog.WriteFailed(_logger, what, attempt, ex);
                    if (attempt == MaxAttempts)
                    {
                        CampaignLog.WriteDropped(_logger, what);
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), _time).ConfigureAwait(false);
                }
            }

            done?.TrySetResult();
        }
    }
}
