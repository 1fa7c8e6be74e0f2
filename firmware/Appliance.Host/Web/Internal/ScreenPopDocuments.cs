namespace Appliance.Host.Web.Internal;

/// <summary>What an agent's desktop receives for an offered call (JSON, camelCase).</summary>
internal sealed record ScreenPopDocument(
    string CallId,
    string AgentId,
    string? CallerNumber,
    string? CallerName,
    string? EntryPoint,
    int? Line,
    string Queue,
    string Language,
    DateTimeOffset CallStartedAt,
    DateTimeOffset OfferedAt,
    double WaitSeconds,
    IReadOnlyList<ScreenPopStep> IvrPath,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<ScreenPopPreviousCall> PreviousCalls,
    IReadOnlyList<ScreenPopTicket> OpenTickets,
    bool HistoryAvailable,
    ScreenPopCustomer? Customer = null);

/// <summary>The customer the caller verified as in the IVR: who, and the account only in its masked form.</summary>
internal sealed record ScreenPopCustomer(string CustomerId, string Name, string MaskedAccount, string Segment);

/// <summary>One node of the caller's way through the menus, with the key pressed there.</summary>
internal sealed record ScreenPopStep(string Menu, string Node, string? Key);

/// <summary>One of the caller's previous calls.</summary>
internal sealed record ScreenPopPreviousCall(string CallId, DateTimeOffset StartedAt, string? Queue, string? Agent, string Outcome);

/// <summary>One of the caller's tickets not closed yet (the account only in its masked form).</summary>
internal sealed record ScreenPopTicket(string Id, string Type, string Status, string? MaskedAccount, string? CallId, DateTimeOffset CreatedAt);

/// <summary>The end of an offer: it rang out, the call ended, or it was handed on.</summary>
internal sealed record ScreenPopEnd(string CallId, string AgentId, DateTimeOffset EndedAt);
