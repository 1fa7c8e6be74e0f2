using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Audio;

/// <summary>
/// What a caller hears while the agent holds: a slow, quiet four-note phrase repeated, so the line never sounds dead
/// (callers hang up on silence). Built from <see cref="SineSource"/> notes; no allocation per frame.
/// </summary>
public sealed class HoldMusicSource : IAudioSource
{
    /// <summary>The notes (C5, E5, G5, E5), chosen inside the telephone band and away from DTMF and call-progress tones.</summary>
    public static readonly IReadOnlyList<double> NoteFrequencies = [523.25, 659.25, 783.99, 659.25];

    /// <summary>How many 20 ms frames each note lasts (400 ms).</summary>
    public const int FramesPerNote = 20;

    private readonly SineSource[] _notes;
    private int _frame;

    /// <summary>Creates the phrase at <paramref name="levelDbm0"/>, quieter than speech by default.</summary>
    public HoldMusicSource(double levelDbm0 = -20)
    {
        _notes = NoteFrequencies.Select(f => new SineSource(f, levelDbm0)).ToArray();
    }

    /// <inheritdoc />
    public bool Read(Span<short> frame)
    {
        var note = _frame / FramesPerNote % _notes.Length;
        _frame = (_frame + 1) % (FramesPerNote * _notes.Length);
        return _notes[note].Read(frame);
    }
}
