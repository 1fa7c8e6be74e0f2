using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Appliance.Core.Journal;

namespace Appliance.Core.Acd.Callbacks;

/// <summary>
/// What the ACD needs to keep callbacks across restarts: the store of pending callbacks (written off the media loop),
/// the journal a restored callback writes its events and record to, and a logger. Without it callbacks still keep
/// the caller's place, but only while the process runs.
/// </summary>
public sealed class AcdCallbacks(ICallbackStore store, ICallJournal journal, ILogger<AcdCallbacks>? logger = null)
{
    /// <summary>Where pending callbacks are kept.</summary>
    public ICallbackStore Store { get; } = store;

    /// <summary>Where restored callbacks write their events and call records.</summary>
    public ICallJournal Journal { get; } = journal;

    /// <summary>Where failures to store a callback's record are logged.</summary>
    public ILogger Logger { get; } = logger ?? NullLogger<AcdCallbacks>.Instance;
}
