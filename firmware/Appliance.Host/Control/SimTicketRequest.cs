namespace Appliance.Host.Control;

/// <summary>
/// Tickets for <c>appliance sim ticket</c> / <c>POST /v1/sim/tickets</c>: creates tickets <c>{Prefix}-{First}</c> ..
/// <c>{Prefix}-{First + Count - 1}</c>, each with its outbox entry in its own SQLite transaction, as an agent's screen would.
/// </summary>
/// <param name="Prefix">Start of every ticket id: 1-64 letters, digits, '.', '_' or '-'.</param>
/// <param name="Count">How many tickets (1-10000).</param>
/// <param name="First">The number of the first ticket (at least 1).</param>
/// <param name="Type">The business category (1-64 characters).</param>
public sealed record SimTicketRequest(string Prefix, int Count = 1, int First = 1, string Type = "enquiry");
