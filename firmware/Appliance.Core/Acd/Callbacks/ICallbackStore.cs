namespace Appliance.Core.Acd.Callbacks;

/// <summary>
/// Where pending callbacks are kept across restarts. <see cref="Save"/> and <see cref="Close"/> are called on the media
/// loop and must return at once (see <see cref="BackgroundCallbackStore"/>); <see cref="LoadPending"/> is called once
/// at start, off the loop.
/// </summary>
public interface ICallbackStore
{
    /// <summary>Every callback not yet connected or failed.</summary>
    IReadOnlyList<PendingCallback> LoadPending();

    /// <summary>Records the callback's current state (new, an attempt started, a retry scheduled).</summary>
    void Save(PendingCallback callback);

    /// <summary>Closes the callback with its outcome ("connected", "failed").</summary>
    void Close(string id, string outcome, DateTimeOffset at);
}
