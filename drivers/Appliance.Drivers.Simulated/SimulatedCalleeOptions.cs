namespace Appliance.Drivers.Simulated;

/// <summary>
/// A callee declared in the board's settings (<c>Board:Simulated:Callees:0:Number=5551234</c> …), so that the running
/// appliance's exchange can be dialled without code: it answers after <see cref="AnswerAfterRings"/> rings, keys
/// <see cref="Dtmf"/> if set, plays <see cref="ToneHz"/> if set, and hangs up after <see cref="HangUpAfterSeconds"/> if set.
/// </summary>
public sealed class SimulatedCalleeOptions
{
    /// <summary>The digits that reach it.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>Answers, Busy or NeverAnswers.</summary>
    public SimulatedCalleeBehavior Behavior { get; set; } = SimulatedCalleeBehavior.Answers;

    /// <summary>Rings before answering (1–100).</summary>
    public int AnswerAfterRings { get; set; } = 2;

    /// <summary>DTMF keys sent right after answering; empty for none.</summary>
    public string Dtmf { get; set; } = string.Empty;

    /// <summary>A tone (Hz, 0 for none) played after the DTMF until it hangs up.</summary>
    public double ToneHz { get; set; }

    /// <summary>Seconds after answering it hangs up (1–3600); 0 stays until the box hangs up.</summary>
    public int HangUpAfterSeconds { get; set; }

    /// <summary>The callee these settings describe.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public SimulatedCallee ToCallee()
    {
        if (HangUpAfterSeconds is < 0 or > 3600)
        {
            throw new ArgumentException($"Callee {Number}: HangUpAfterSeconds must be 0 to 3600, not {HangUpAfterSeconds}.", nameof(HangUpAfterSeconds));
        }

        var steps = new List<CallerStep>();
        if (!string.IsNullOrEmpty(Dtmf))
        {
            steps.Add(CallerStep.SendDtmf(Dtmf));
        }

        var stay = HangUpAfterSeconds > 0 ? TimeSpan.FromSeconds(HangUpAfterSeconds) : TimeSpan.FromHours(1);
        steps.Add(ToneHz > 0 ? CallerStep.PlayTone(ToneHz, 0, stay) : CallerStep.Wait(stay));
        if (HangUpAfterSeconds > 0)
        {
            steps.Add(CallerStep.HangUp());
        }

        var callee = new SimulatedCallee { Number = Number, Behavior = Behavior, AnswerAfterRings = AnswerAfterRings, AfterAnswer = steps };
        callee.Validate();
        return callee;
    }
}
