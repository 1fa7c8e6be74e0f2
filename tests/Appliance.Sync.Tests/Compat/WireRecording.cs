using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Appliance.Sync.Tests.Compat;

/// <summary>
/// What boxes and head office put on the wire with the transport written before the official gRPC packages, kept in
/// <c>recorded/</c>: manifest.json names each exchange (path, headers in order, the files holding the request body and
/// the messages the server of that build answered), and each body is a hex file of the exact bytes.
/// </summary>
internal sealed class WireRecording
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string RecordedWith { get; set; } = string.Empty;

    public List<RecordedExchange> Exchanges { get; set; } = [];

    public static string Folder { get; } = Path.Combine(SourceDirectory(), "recorded");

    public RecordedExchange this[string name] => Exchanges.Single(e => e.Name == name);

    public static WireRecording Load()
    {
        var recording = JsonSerializer.Deserialize<WireRecording>(File.ReadAllText(Path.Combine(Folder, "manifest.json")), Json)!;
        foreach (var exchange in recording.Exchanges)
        {
            exchange.RequestBody = ReadHex(exchange.RequestFile);
            exchange.ResponseMessages = exchange.ResponseFiles.Select(ReadHex).ToList();
        }

        return recording;
    }

    public void Save()
    {
        Directory.CreateDirectory(Folder);
        foreach (var exchange in Exchanges)
        {
            exchange.RequestFile = $"{exchange.Name}.request.hex";
            WriteHex(exchange.RequestFile, exchange.RequestBody);
            exchange.ResponseFiles = exchange.ResponseMessages.Select((_, i) => $"{exchange.Name}.response-{i + 1}.hex").ToList();
            for (var i = 0; i < exchange.ResponseMessages.Count; i++)
            {
                WriteHex(exchange.ResponseFiles[i], exchange.ResponseMessages[i]);
            }
        }

        File.WriteAllText(Path.Combine(Folder, "manifest.json"), JsonSerializer.Serialize(this, Json) + "\n");
    }

    // 32 bytes a line, so a diff of a recording shows where the bytes differ.
    private static void WriteHex(string file, byte[] bytes) =>
        File.WriteAllLines(Path.Combine(Folder, file), bytes.Chunk(32).Select(Convert.ToHexStringLower));

    private static byte[] ReadHex(string file) =>
        Convert.FromHexString(string.Concat(File.ReadAllLines(Path.Combine(Folder, file)).Select(l => l.Trim())));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
