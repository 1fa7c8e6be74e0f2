namespace Appliance.Core.Complaints.Internal;

/// <summary>Which status may follow which.</summary>
internal static class ComplaintTransitions
{
    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [ComplaintStatuses.New] = [ComplaintStatuses.Dispatched, ComplaintStatuses.Resolved],
        [ComplaintStatuses.Dispatched] = [ComplaintStatuses.InProgress, ComplaintStatuses.Resolved],
        [ComplaintStatuses.InProgress] = [ComplaintStatuses.Resolved],
        [ComplaintStatuses.Resolved] = [ComplaintStatuses.Confirmed, ComplaintStatuses.Reopened],
        [ComplaintStatuses.Confirmed] = [ComplaintStatuses.Closed, ComplaintStatuses.Reopened],
        [ComplaintStatuses.Closed] = [ComplaintStatuses.Reopened],
        [ComplaintStatuses.Reopened] = [ComplaintStatuses.Dispatched, ComplaintStatuses.InProgress, ComplaintStatuses.Resolved],
    };

    public static bool Allowed(string from, string to) => Next.TryGetValue(from, out var next) && next.Contains(to, StringComparer.Ordinal);

    public static string Describe(string from) =>
        Next.TryGetValue(from, out var next) ? string.Join(", ", next) : "nothing";
}
