using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

internal sealed class DtmfStep(string digits, (double Low, double High)[] pairs, int toneSamples, int gapSamples, double levelDbm0)
    : CallerStep
{
    internal override StepPlayer CreatePlayer() => new DtmfPlayer(pairs, toneSamples, gapSamples, levelDbm0);

    public override string ToString() => $"SendDtmf({digits})";
}

/// <summary>Plays each digit's tone then its gap; one synthesizer per digit, made when the digit starts.</summary>
internal sealed class DtmfPlayer((double Low, double High)[] pairs, int toneSamples, int gapSamples, double levelDbm0) : StepPlayer
{
    private int _digit;
    private int _positionInDigit;
    private ToneSynthesizer? _tone;

    public override bool IsFinished => _digit == pairs.Length;

    public override int Render(Span<short> destination, WhiteNoiseSource lineNoise)
    {
        var written = 0;
        while (written < destination.Length && !IsFinished)
        {
            var rest = destination[written..];
            int count;
            if (_positionInDigit < toneSamples)
            {
                _tone ??= new ToneSynthesizer(pairs[_digit].Low, pairs[_digit].High, levelDbm0);
                count = Math.Min(toneSamples - _positionInDigit, rest.Length);
                _tone.Render(rest[..count]);
            }
            else
            {
                count = Math.Min(toneSamples + gapSamples - _positionInDigit, rest.Length);
                lineNoise.Render(rest[..count]);
            }

            written += count;
            _positionInDigit += count;
            if (_positionInDigit == toneSamples + gapSamples)
            {
                _digit++;
                _positionInDigit = 0;
                _tone = null;
            }
        }

        return written;
    }
}
