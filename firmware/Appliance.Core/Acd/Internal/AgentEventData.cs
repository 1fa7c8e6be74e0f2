using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Appliance.Core.Acd.Internal;

/// <summary>The small JSON objects the agent events carry; names written through the JSON writer, so any text is escaped.</summary>
internal static class AgentEventData
{
    public static string Write(params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        json.WriteNull(name);
                        break;
                    case double seconds:
                        json.WriteNumber(name, Math.Round(seconds, 3));
                        break;
                    default:
                        json.WriteString(name, value.ToString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The lower-case name reports read, e.g. "notready".</summary>
    public static string Name(AgentStatus status) => status.ToString().ToLowerInvariant();
}
