namespace Appliance.Storage.Internal;

/// <summary>
/// The store keeps every instant as UTC unix milliseconds (INTEGER): one convention for all tables, so range queries
/// compare integers. Sub-millisecond precision is dropped on the way in.
/// </summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static object ToDbValue(DateTimeOffset? instant) =>
        instant is { } value ? value.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
