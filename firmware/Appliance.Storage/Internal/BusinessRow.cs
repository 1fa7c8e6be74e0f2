namespace Appliance.Storage.Internal;

/// <summary>The columns tickets and transactions share: one row of either table.</summary>
internal sealed record BusinessRow(
    string Id,
    string Branch,
    string Type,
    string Status,
    string? MaskedAccount,
    MoneyAmount? Amount,
    string Notes,
    string? CallId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Revision);
