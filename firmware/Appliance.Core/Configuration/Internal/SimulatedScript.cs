namespace Appliance.Core.Configuration.Internal;

/// <summary>The script of a simulated phone: "talk=30;hold=5;holdfor=3;transfer=1002;transferat=8".</summary>
internal static class SimulatedScript
{
    private static readonly string[] SecondsKeys = ["talk", "hold", "holdfor", "transferat"];

    public static bool IsValid(string script) => script.Split(';').All(pair =>
        pair.Split('=') is [var key, var value]
        && (key == "transfer" ? value.Length is >= 2 and <= 10 && value.All(char.IsAsciiDigit)
            : SecondsKeys.Contains(key) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 86_400));
}
