using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Transactions;

/// <summary>The RFC 3261 timer base values (§17.1.1.1, table 4). Bound from the "Sip:Timers" section.</summary>
public sealed class SipTimerOptions : IValidatableObject
{
    public const string SectionName = "Sip:Timers";

    /// <summary>RTT estimate; Timers A, E, G start here and B, F, H, J are 64*T1.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on the retransmission interval of non-INVITE requests and INVITE responses.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a message may linger in the network; Timers I and K.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D: how long a client INVITE transaction absorbs retransmitted final responses over UDP (at least 32 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan TimerD { get; set; } = TimeSpan.FromSeconds(32);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (T2 < T1)
        {
            yield return new ValidationResult($"{SectionName}:T2 must not be shorter than T1.", [nameof(T2)]);
        }
    }
}
