using System.Text.Json;
using Appliance.Core.Journal;
using Appliance.Storage;

namespace Appliance.Core.Complaints.Internal;

/// <summary>The event-log lines of complaints: ticket ids, statuses and levels only, never the customer's number or account.</summary>
internal static class ComplaintEvents
{
    public static CallEvent Of(ComplaintTicketRecord ticket, string kind, DateTimeOffset at, object data) =>
        new(at, ticket.Ticket.CallId ?? "NONE", kind, null, null, JsonSerializer.Serialize(data, JsonSerializerOptions.Web));
}
