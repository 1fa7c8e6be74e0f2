namespace Appliance.Host.Tests.Support;

/// <summary>
/// A fresh, short directory under /tmp: Unix socket paths must stay under 108 bytes, so no long temp folder names.
/// </summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ah-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string SocketPath => File("appliance.ctl");

    public string WriteFile(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process under test may still hold a log file open for a moment; /tmp is cleaned anyway.
        }
    }
}
