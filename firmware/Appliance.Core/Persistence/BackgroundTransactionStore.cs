using System.Threading.Channels;
using Appliance.Core.Ivr;
using Appliance.Core.Ivr.Internal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Persistence;

/// <summary>
/// Stores self-service transactions with their outbox entry (<see cref="TransactionRepository"/>, one SQLite transaction)
/// without the media loop waiting: <see cref="Record"/> queues, one background task writes, retrying a busy database.
/// </summary>
public sealed class BackgroundTransactionStore : ISelfServiceTransactions, IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly Channel<SelfServiceTransaction> _queue = Channel.CreateUnbounded<SelfServiceTransaction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TransactionRepository _repository;
    private readonly string _branch;
    private readonly ILogger<BackgroundTransactionStore> _logger;
    private readonly Task _writer;

    /// <summary>Starts the writer; transactions are stored as made at <paramref name="branch"/>.</summary>
    public BackgroundTransactionStore(TransactionRepository repository, string branch, ILogger<BackgroundTransactionStore> logger)
    {
        _repository = repository;
        _branch = branch;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc />
    public void Record(SelfServiceTransaction transaction) => _queue.Writer.TryWrite(transaction);

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var transaction in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await WriteAsync(transaction).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(SelfServiceTransaction t)
    {
        var record = new TransactionRecord(
            t.Id, _branch, t.Type, t.Outcome, new MoneyAmount(t.AmountMinor ?? 0, t.Currency.Length > 0 ? t.Currency : "CNY"), t.MaskedAccount, t.Notes, t.CallId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                _repository.Create(record);
                return;
            }
            catch (Exception error)
            {
                SelfServiceLog.StoreFailed(_logger, t.Id, attempt, error);

                // A busy database: back off without holding a thread.
                await Task.Delay(50 * attempt).ConfigureAwait(false);
            }
        }

        SelfServiceLog.StoreDropped(_logger, t.Id, MaxAttempts);
    }
}
