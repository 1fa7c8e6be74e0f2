using Appliance.Core.Complaints.TicketSync;
using Appliance.Sync.Outbox;

namespace Appliance.Host.Composition.Internal;

/// <summary>Owns the gRPC client the ticket puller uses (disposed with the container), or nothing without a head office.</summary>
internal sealed class HeadOfficeTicketLink(GrpcHeadOfficeSyncClient? client, ITicketChangeSource? source) : IDisposable
{
    public ITicketChangeSource? Source { get; } = source;

    public void Dispose() => client?.Dispose();
}
