using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;

namespace Appliance.Core.Tests.Complaints;

/// <summary>Records into an in-memory journal and completes <see cref="Seen"/> when an event of the watched kind arrives.</summary>
internal sealed class SignallingJournal(InMemoryJournal inner, string kind) : ICallJournal
{
    private readonly TaskCompletionSource<CallEvent> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<CallEvent> Seen => _seen.Task;

    public void Append(CallEvent callEvent)
    {
        inner.Append(callEvent);
        if (callEvent.Kind == kind)
        {
            _seen.TrySetResult(callEvent);
        }
    }

    public Task CompleteCallAsync(CallDetail detail) => inner.CompleteCallAsync(detail);
}
