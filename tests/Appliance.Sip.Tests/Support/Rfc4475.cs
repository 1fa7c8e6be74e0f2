namespace Appliance.Sip.Tests.Support;

/// <summary>The RFC 4475 messages, byte for byte as the RFC's archive holds them (Torture/Data).</summary>
internal static class Rfc4475
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Torture", "Data");

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".sip"));
}
