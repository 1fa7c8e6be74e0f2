using System.Globalization;
using System.Security.Cryptography;

namespace Appliance.Core.Routing;

/// <summary>
/// Call ids that sort by time and never repeat across restarts: "20260105-090000-3f9a1c7e" (UTC start time plus
/// random bits), readable in logs and file names.
/// </summary>
public static class CallIds
{
    /// <summary>A new id for a call starting at <paramref name="at"/>.</summary>
    public static string New(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
}
