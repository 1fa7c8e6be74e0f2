using Appliance.Core.Journal;

namespace Appliance.Core.Tests.Fakes;

/// <summary>A journal that stores synchronously, so flows under the manual clock stay deterministic.</summary>
internal sealed class InMemoryJournal : ICallJournal
{
    public List<CallEvent> Events { get; } = [];

    public List<CallDetail> Calls { get; } = [];

    public void Append(CallEvent callEvent) => Events.Add(callEvent);

    public Task CompleteCallAsync(CallDetail detail)
    {
        Calls.Add(detail);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> KindsFor(string callId) => Events.Where(e => e.CallId == callId).Select(e => e.Kind).ToList();
}
