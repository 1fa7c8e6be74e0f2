using System.ComponentModel.DataAnnotations;

namespace Appliance.Telephony.Analog;

/// <summary>How the box answers and supervises analog lines. Section "Telephony:Analog".</summary>
public sealed class AnalogLineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telephony:Analog";

    /// <summary>Answer when this ring starts. Caller ID arrives after the first ring, so 2 is the earliest that has it.</summary>
    [Range(1, 10)]
    public int AnswerOnRing { get; set; } = 2;

    /// <summary>Ringing that stops for this long means the caller gave up before we answered.</summary>
    [Range(2, 30)]
    public int RingTimeoutSeconds { get; set; } = 8;

    /// <summary>Hang up when the exchange plays busy tone after the caller leaves.</summary>
    public bool DisconnectOnBusyTone { get; set; } = true;

    /// <summary>Hang up when the exchange reverses line polarity after the caller leaves.</summary>
    public bool DisconnectOnPolarityReversal { get; set; } = true;

    /// <summary>Hang up after this many seconds with nothing heard from the line (0 turns it off).</summary>
    [Range(0, 3600)]
    public int SilenceTimeoutSeconds { get; set; } = 120;

    /// <summary>Silence means below this level, in dBm0.</summary>
    [Range(-80, -20)]
    public double SilenceThresholdDbm0 { get; set; } = -50;

    /// <summary>Whose call-progress tones (dial tone, ringback, busy, congestion) to listen for: CN, US (North America), EU, GB.</summary>
    [Required]
    [RegularExpression("^(CN|US|EU|GB)$", ErrorMessage = "must be one of CN, US, EU, GB")]
    public string BusyToneCountry { get; set; } = "CN";

    /// <summary>Dialling out: give up (Failed) when no dial tone is heard this long after seizing the line.</summary>
    [Range(1, 30)]
    public int DialToneTimeoutSeconds { get; set; } = 5;

    /// <summary>Dialling out: each DTMF tone lasts this long (ITU-T Q.24: at least 40 ms).</summary>
    [Range(40, 500)]
    public int DtmfToneMilliseconds { get; set; } = 100;

    /// <summary>Dialling out: the pause after each DTMF tone (ITU-T Q.24: at least 40 ms).</summary>
    [Range(40, 500)]
    public int DtmfPauseMilliseconds { get; set; } = 100;

    /// <summary>Dialling out: the level of each of a DTMF digit's two tones, in dBm0.</summary>
    [Range(-20, -3)]
    public double DtmfLevelDbm0 { get; set; } = -9;

    /// <summary>Dialling out: give up (NoAnswer) when the far end has not answered this long after the last digit.</summary>
    [Range(5, 600)]
    public int NoAnswerTimeoutSeconds { get; set; } = 60;
}
