namespace Appliance.Host.Control;

/// <summary>
/// One named part of <c>appliance status</c> (lines, calls, queues, agents...). Register implementations as singletons;
/// <see cref="GetStatus"/> returns any JSON-serialisable object, is called per status request and must be cheap and thread-safe.
/// </summary>
public interface IStatusSection
{
    /// <summary>The key of this section in the status report, e.g. "lines".</summary>
    string Name { get; }

    object GetStatus();
}
