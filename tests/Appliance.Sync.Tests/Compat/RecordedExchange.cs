using System.Text.Json.Serialization;

namespace Appliance.Sync.Tests.Compat;

/// <summary>One recorded call: the request a client sent, and what the server of the recording build answered.</summary>
internal sealed class RecordedExchange
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Who sent it and how, in words.</summary>
    public string Description { get; set; } = string.Empty;

    public string Protocol { get; set; } = string.Empty;

    public string Method { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    /// <summary>[name, value] pairs as the server received them (HPACK-decoded, in order).</summary>
    public List<string[]> Headers { get; set; } = [];

    /// <summary>The hex file of the request body: the length-prefixed message(s) exactly as sent.</summary>
    public string RequestFile { get; set; } = string.Empty;

    /// <summary>The HTTP status the recording build's server answered (empty when not replayed there).</summary>
    public int? ResponseHttpStatus { get; set; }

    /// <summary>Its grpc-status.</summary>
    public string? ResponseGrpcStatus { get; set; }

    /// <summary>The hex files of its response messages (decompressed protobuf bytes, one file per message).</summary>
    public List<string> ResponseFiles { get; set; } = [];

    [JsonIgnore]
    public byte[] RequestBody { get; set; } = [];

    [JsonIgnore]
    public List<byte[]> ResponseMessages { get; set; } = [];

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h[0], name, StringComparison.OrdinalIgnoreCase))?[1];
}
