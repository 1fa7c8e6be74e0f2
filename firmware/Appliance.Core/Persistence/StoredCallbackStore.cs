using Appliance.Core.Acd.Callbacks;
using Appliance.Storage;

namespace Appliance.Core.Persistence;

/// <summary>Keeps pending callbacks in SQLite (synchronously: wrap it in <see cref="BackgroundCallbackStore"/> for the media loop).</summary>
public sealed class StoredCallbackStore(ApplianceDatabase database) : ICallbackStore
{
    private readonly CallbackRepository _callbacks = new(database);

    /// <inheritdoc />
    public IReadOnlyList<PendingCallback> LoadPending() =>
        [.. _callbacks.Pending().Select(r => new PendingCallback(r.Id, r.OriginCallId, r.Queue, r.Number, r.Language, r.Priority, r.FirstEnteredAt, r.EnteredAt)
        {
            Attempts = r.Attempts,
            RetryAt = r.RetryAt,
            Dialling = r.Dialling,
        })];

    /// <inheritdoc />
    public void Save(PendingCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _callbacks.Save(new CallbackRecord(
            callback.Id, callback.OriginCallId, callback.Queue, callback.Number, callback.Language, callback.Priority,
            callback.FirstEnteredAt, callback.EnteredAt, callback.Attempts, callback.RetryAt, callback.Dialling));
    }

    /// <inheritdoc />
    public void Close(string id, string outcome, DateTimeOffset at) => _callbacks.Close(id, outcome, at);
}
