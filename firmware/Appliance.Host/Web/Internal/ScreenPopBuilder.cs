using Appliance.Core.Acd;
using Appliance.Storage;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Web.Internal;

/// <summary>
/// Turns an <see cref="AgentOffer"/> into the desktop's document, adding the caller's previous calls and open tickets
/// from SQLite. Runs on the request, never on the media loop. History that cannot be read leaves the offer usable
/// (HistoryAvailable false) rather than failing the request.
/// </summary>
internal sealed class ScreenPopBuilder(CallerHistoryRepository history, WebOptions options, ILogger logger)
{
    public ScreenPopDocument Build(AgentOffer offer)
    {
        IReadOnlyList<ScreenPopPreviousCall> calls = [];
        IReadOnlyList<ScreenPopTicket> tickets = [];
        var available = true;
        if (offer.CallerNumber is { Length: > 0 } number)
        {
            try
            {
                calls = [.. history.PreviousCalls(number, offer.CallStartedAt, options.PreviousCalls)
                    .Where(c => c.Id != offer.CallId)
                    .Select(c => new ScreenPopPreviousCall(c.Id, c.StartedAt, c.Queue, c.Agent, c.Outcome))];
                tickets = [.. history.OpenTickets(number, options.OpenTickets)
                    .Select(t => new ScreenPopTicket(t.Id, t.Type, t.Status, t.MaskedAccount, t.CallId, t.CreatedAt))];
            }
            catch (StorageException error)
            {
                WebLog.HistoryFailed(logger, offer.CallId, error);
                available = false;
            }
        }

        return new ScreenPopDocument(
            offer.CallId, offer.AgentId, offer.CallerNumber, offer.CallerName, offer.EntryPoint, offer.Line, offer.Queue, offer.Language,
            offer.CallStartedAt, offer.OfferedAt, Math.Round(offer.WaitAtOffer.TotalSeconds, 3),
            [.. offer.IvrPath.Select(s => new ScreenPopStep(s.Menu, s.Node, s.Key))], offer.Variables, calls, tickets, available,
            offer.Customer is { } c ? new ScreenPopCustomer(c.CustomerId, c.Name, c.MaskedAccount, c.Segment) : null);
    }
}
