using Appliance.Storage;

namespace Appliance.Core.Complaints;

/// <summary>Queues the callback that tells a customer their complaint was resolved. Returns at once (never waits on the media loop).</summary>
public interface IComplaintCallbacks
{
    /// <summary>Queues a callback to <paramref name="ticket"/>'s customer number.</summary>
    void Queue(ComplaintTicketRecord ticket);
}
