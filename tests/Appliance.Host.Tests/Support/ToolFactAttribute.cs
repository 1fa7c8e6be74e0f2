namespace Appliance.Host.Tests.Support;

/// <summary>A fact that needs a program on PATH, skipped with the reason (and the package to install) when it is absent.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string program, string debianPackage)
    {
        if (Find(program) is null)
        {
            Skip = $"{program} is not installed (apt-get install --no-install-recommends {debianPackage}; tests/run-all.sh does).";
        }
    }

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
