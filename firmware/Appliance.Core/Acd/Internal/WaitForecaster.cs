namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Forecasts a waiting caller's wait from the queue's own recent handling times and its staffed agents.
/// <para>
/// Why a measured moving average and not Erlang C: Erlang C gives the mean wait of a random arrival in a steady state,
/// from an arrival rate and a handling time; it knows nothing of where this caller actually stands, needs the arrival
/// rate estimated too, and has no answer at all once the load reaches the agents (the queue grows, the formula breaks
/// down) — which is exactly when callers most want to know. The box knows each caller's position and who is staffed,
/// so it forecasts the caller's own wait: a caller at position k, with f agents free and n staffed, needs k − f agents
/// to finish a call first; agents finish one call per handling time h each, so about one every h / n, and the wait is
/// (k − f) × h / n. h is the mean of the queue's last <see cref="Window"/> handling times (ring, talk and wrap-up: the
/// time an agent is taken by a call), so it follows the queue as its calls get longer or shorter.
/// </para>
/// <para>
/// No forecast (null) until <see cref="MinSamples"/> calls have been handled, or with no agent staffed: a caller is told
/// nothing about the wait rather than a number made up.
/// </para>
/// </summary>
internal sealed class WaitForecaster
{
    public const int Window = 20;
    public const int MinSamples = 3;
    private readonly Dictionary<string, Samples> _byQueue = new(StringComparer.Ordinal);

    /// <summary>Adds one handled call's agent time to the queue's window.</summary>
    public void Record(string queue, TimeSpan handling)
    {
        if (!_byQueue.TryGetValue(queue, out var samples))
        {
            samples = new Samples();
            _byQueue.Add(queue, samples);
        }

        samples.Add(handling);
    }

    /// <summary>The mean handling time of the queue's recent calls, or null with too little history.</summary>
    public TimeSpan? AverageHandling(string queue) =>
        _byQueue.TryGetValue(queue, out var samples) && samples.Count >= MinSamples ? samples.Mean : null;

    /// <summary>The expected wait of the caller at <paramref name="position"/> (1 first), or null when it cannot be made.</summary>
    public TimeSpan? Expected(string queue, int position, int staffed, int free)
    {
        if (position < 1 || staffed < 1 || AverageHandling(queue) is not { } handling)
        {
            return null;
        }

        var ahead = position - free;
        return ahead <= 0 ? TimeSpan.Zero : handling * ahead / staffed;
    }

    private sealed class Samples
    {
        private readonly TimeSpan[] _ring = new TimeSpan[Window];
        private int _next;
        private TimeSpan _sum;

        public int Count { get; private set; }

        public TimeSpan Mean => _sum / Count;

        public void Add(TimeSpan value)
        {
            if (Count == Window)
            {
                _sum -= _ring[_next];
            }
            else
            {
                Count++;
            }

            _ring[_next] = value;
            _sum += value;
            _next = (_next + 1) % Window;
        }
    }
}
