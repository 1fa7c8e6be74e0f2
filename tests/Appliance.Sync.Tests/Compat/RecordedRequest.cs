namespace Appliance.Sync.Tests.Compat;

/// <summary>One HTTP/2 request as a server received it: headers as [name, value] pairs in arrival order, body as sent.</summary>
internal sealed record RecordedRequest(string Protocol, string Method, string Path, IReadOnlyList<string[]> Headers, byte[] Body)
{
    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h[0], name, StringComparison.OrdinalIgnoreCase))?[1];
}
