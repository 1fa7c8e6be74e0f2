using Appliance.Telephony.Bridging;

namespace Appliance.Core.Supervision;

/// <summary>The names of the supervision modes in events, the control API and the command line: listen, whisper, barge.</summary>
public static class SupervisionModeNames
{
    /// <summary>The mode's name.</summary>
    public static string Name(SupervisionMode mode) => mode switch
    {
        SupervisionMode.Listen => "listen",
        SupervisionMode.Whisper => "whisper",
        SupervisionMode.Barge => "barge",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a supervision mode."),
    };

    /// <summary>Reads a mode's name (any letter case); false for anything else.</summary>
    public static bool TryParse(string? text, out SupervisionMode mode)
    {
        foreach (var candidate in Enum.GetValues<SupervisionMode>())
        {
            if (string.Equals(text, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    /// <summary>The mode a supervisor's key selects during a supervision: 4 listen, 5 whisper, 6 barge (as ChanSpy's); else null.</summary>
    public static SupervisionMode? ForKey(char? key) => key switch
    {
        '4' => SupervisionMode.Listen,
        '5' => SupervisionMode.Whisper,
        '6' => SupervisionMode.Barge,
        _ => null,
    };
}
