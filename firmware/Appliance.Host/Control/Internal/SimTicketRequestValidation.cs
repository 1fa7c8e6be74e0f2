using System.Globalization;

namespace Appliance.Host.Control.Internal;

/// <summary>Checks a <see cref="SimTicketRequest"/>; the CLI and the control API give the same message.</summary>
internal static class SimTicketRequestValidation
{
    public const int MaxCount = 10_000;

    /// <returns>Null when the request is good, else what is wrong with it, naming the field.</returns>
    public static string? Validate(SimTicketRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Prefix) || request.Prefix.Length > 64
            || !request.Prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return "prefix must be 1-64 letters, digits, '.', '_' or '-'";
        }

        if (request.Count is < 1 or > MaxCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"count must be between 1 and {MaxCount} (got {request.Count})");
        }

        if (request.First < 1 || request.First > int.MaxValue - request.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"first must be at least 1 and leave room for count (got {request.First})");
        }

        return string.IsNullOrWhiteSpace(request.Type) || request.Type.Length > 64 ? "type must be 1-64 characters" : null;
    }
}
