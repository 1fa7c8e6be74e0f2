using System.Collections.Concurrent;
using Appliance.Core.Journal;

namespace Appliance.Host.Tests.Web;

/// <summary>Keeps the events it is given, from any thread.</summary>
internal sealed class RecordingJournal : ICallJournal
{
    public ConcurrentQueue<CallEvent> Events { get; } = new();

    public void Append(CallEvent callEvent) => Events.Enqueue(callEvent);

    public Task CompleteCallAsync(CallDetail detail) => Task.CompletedTask;
}
