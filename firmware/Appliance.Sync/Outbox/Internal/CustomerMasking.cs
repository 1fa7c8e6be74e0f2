namespace Appliance.Sync.Outbox.Internal;

/// <summary>
/// What of a complainant leaves the box: head office needs to tell tickets apart and see repeats, not to phone or
/// address the customer (the branch does the callback), so a number keeps its last four digits and a name its first
/// character.
/// </summary>
internal static class CustomerMasking
{
    public static string Number(string number)
    {
        var keep = Math.Min(4, number.Length);
        return new string('*', number.Length - keep) + number[^keep..];
    }

    public static string Name(string name) =>
        name.Length == 0 ? string.Empty : string.Concat(name.AsSpan(0, 1), new string('*', Math.Min(name.Length - 1, 8)));
}
