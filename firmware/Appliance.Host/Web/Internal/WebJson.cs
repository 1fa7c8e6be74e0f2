using System.Text.Encodings.Web;
using System.Text.Json;

namespace Appliance.Host.Web.Internal;

/// <summary>JSON of the web listener: camelCase; Chinese names and '+' kept readable.</summary>
internal static class WebJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
