namespace Appliance.Sip.Tests.Support;

/// <summary>A fact that needs SIPp (Debian package sip-tester); skipped with a reason where it is not installed.</summary>
public sealed class SippFactAttribute : FactAttribute
{
    public SippFactAttribute()
    {
        if (SippPath is null)
        {
            Skip = "SIPp is not installed (apt-get install sip-tester).";
        }
    }

    public static string? SippPath { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "sipp"))
            .FirstOrDefault(File.Exists);
}
