using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class CallbackRepositoryTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Pending_callbacks_are_saved_updated_and_closed_in_order_of_their_place()
    {
        var callbacks = new CallbackRepository(_files.CreateMigrated());
        var at = _files.Time.GetUtcNow();
        var later = new CallbackRecord("cb-2", "call-2", "general", "13900000002", "en", 0, at.AddSeconds(10), at.AddSeconds(10), 0, at, false);
        var earlier = new CallbackRecord("cb-1", "call-1", "general", "13900000001", "zh", 2, at, at.AddSeconds(3), 0, at, false);

        callbacks.Save(later);
        callbacks.Save(earlier);
        callbacks.Save(earlier with { Attempts = 1, Dialling = true });

        Assert.Equal([earlier with { Attempts = 1, Dialling = true }, later], callbacks.Pending());
        callbacks.Close("cb-1", "connected", at.AddMinutes(2));
        callbacks.Save(earlier with { Attempts = 2 }); // a closed callback is not reopened
        Assert.Equal([later], callbacks.Pending());
        Assert.Equal("connected", callbacks.OutcomeOf("cb-1"));
        Assert.Null(callbacks.OutcomeOf("cb-2"));
    }

    [Fact]
    public void A_bad_callback_is_refused_and_nothing_is_stored()
    {
        var callbacks = new CallbackRepository(_files.CreateMigrated());
        var at = _files.Time.GetUtcNow();

        var error = Assert.Throws<StorageException>(() =>
            callbacks.Save(new CallbackRecord("cb-1", "call-1", "general", "13900000001", "en", 11, at, at, 0, at, false)));

        Assert.Equal(StorageFailure.InvalidRecord, error.Failure);
        Assert.Contains("priority", error.Message, StringComparison.Ordinal);
        Assert.Empty(callbacks.Pending());
    }
}
