using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Host.Control.Internal;

/// <summary>JSON conventions of the control API, shared by the server and <see cref="ControlClient"/>.</summary>
internal static class ControlJson
{
    /// <summary>camelCase, and strict on input: a misspelt or missing field is an error, not a silent default.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Only ever read by programs and technicians, never put in a web page: keep '+' and Chinese names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For printing to a technician.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = new(Options) { WriteIndented = true };

    /// <summary>Re-indents JSON received from the appliance for printing.</summary>
    public static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, IndentedOptions);
    }
}
