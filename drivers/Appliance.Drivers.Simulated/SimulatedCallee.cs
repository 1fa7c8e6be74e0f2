namespace Appliance.Drivers.Simulated;

/// <summary>
/// A telephone reachable through the simulated exchange by <see cref="Number"/>: when the box seizes a line and dials the
/// number, the exchange rings it and it behaves as <see cref="Behavior"/> says. Once answered it runs
/// <see cref="AfterAnswer"/> like an inbound caller's script (tones, DTMF, waits, hang-up); the <see cref="SimulatedCall"/>
/// the exchange makes for each attempt keeps what the box sent to it.
/// </summary>
public sealed record SimulatedCallee
{
    /// <summary>Longest accepted number.</summary>
    public const int MaximumNumberLength = 20;

    /// <summary>Most rings before answering.</summary>
    public const int MaximumAnswerAfterRings = 100;

    /// <summary>The digits that reach it (0-9 only, 1–20 of them).</summary>
    public required string Number { get; init; }

    /// <summary>Answers, is busy, or never answers.</summary>
    public SimulatedCalleeBehavior Behavior { get; init; } = SimulatedCalleeBehavior.Answers;

    /// <summary>Whole ringback cycles before it answers (1–100).</summary>
    public int AnswerAfterRings { get; init; } = 2;

    /// <summary>What it does once answered, in order; nothing means it stays on the line, silent, until the box hangs up.</summary>
    public IReadOnlyList<CallerStep> AfterAnswer { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Number) || Number.Length > MaximumNumberLength || !Number.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Callee number '{Number}' must be 1 to {MaximumNumberLength} digits 0-9.", nameof(Number));
        }

        if (!Enum.IsDefined(Behavior))
        {
            throw new ArgumentException($"Callee {Number}: behaviour '{Behavior}' is not one of {string.Join(", ", Enum.GetNames<SimulatedCalleeBehavior>())}.", nameof(Behavior));
        }

        if (AnswerAfterRings is < 1 or > MaximumAnswerAfterRings)
        {
            throw new ArgumentException($"Callee {Number}: AnswerAfterRings must be 1 to {MaximumAnswerAfterRings}, not {AnswerAfterRings}.", nameof(AnswerAfterRings));
        }

        if (AfterAnswer is null || AfterAnswer.Any(step => step is null))
        {
            throw new ArgumentException($"Callee {Number}: AfterAnswer must not be or hold null.", nameof(AfterAnswer));
        }
    }
}
