using Appliance.Hal.Lines;
using Appliance.Telephony.Internal;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Clock;

/// <summary>
/// The one 20 ms clock all channels share (no timer per call). Each tick runs posted work, then every handler's
/// receive phase, then every handler's transmit phase, then the continuations of async call flows. All channel
/// and call-flow state is touched only on this loop, so none of it needs locks.
/// </summary>
public sealed class MediaClock : IDisposable
{
    /// <summary>The tick length.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(LineAudio.FrameMilliseconds);

    // A stall up to a second (the line ports' buffer depth) is made up tick by tick so no received audio is lost;
    // beyond that the audio is stale anyway and the clock jumps ahead.
    private const int MaxCatchUpTicks = 50;
    private static readonly TimeSpan RealignThreshold = TimeSpan.FromMilliseconds(1);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MediaLoopSynchronizationContext _context;
    private readonly MediaLoopTaskScheduler _scheduler;
    private readonly object _tickGate = new();
    private readonly object _handlersGate = new();
    private readonly object _flowsGate = new();
    private readonly HashSet<Task> _flows = [];
    private readonly LoopTimers _timers = new();
    private IMediaTickHandler[] _handlers = [];
    private ITimer? _timer;
    private long _startTimestamp;
    private long _tick;
    private long _completedTicks;

    /// <summary>Creates a stopped clock.</summary>
    public MediaClock(TimeProvider time, ILogger<MediaClock> logger)
    {
        _time = time;
        _logger = logger;
        _context = new MediaLoopSynchronizationContext(ex => MediaClockLog.PostedWorkFailed(_logger, ex));
        _scheduler = new MediaLoopTaskScheduler(_context);
    }

    /// <summary>Ticks run so far.</summary>
    public long Tick => Interlocked.Read(ref _tick);

    /// <summary>
    /// Ticks that ran to their end: the loop's health signal. <see cref="Tick"/> counts a tick as soon as it begins, so a
    /// tick stuck in a handler shows here only, as a count that stops moving.
    /// </summary>
    public long CompletedTicks => Interlocked.Read(ref _completedTicks);

    /// <summary>The clock's time source.</summary>
    public TimeProvider Time => _time;

    /// <summary>Whether the caller is running on the media loop right now.</summary>
    public bool IsOnLoop => SynchronizationContext.Current == _context;

    /// <summary>Starts ticking.</summary>
    public void Start()
    {
        if (_timer is not null)
        {
            return;
        }

        _startTimestamp = _time.GetTimestamp();
        _timer = _time.CreateTimer(_ => OnTimer(), null, TickInterval, TickInterval);
        MediaClockLog.Started(_logger, LineAudio.FrameMilliseconds);
    }

    /// <summary>Adds a handler; it runs from the next tick on.</summary>
    public void Register(IMediaTickHandler handler)
    {
        lock (_handlersGate)
        {
            _handlers = [.. _handlers, handler];
        }
    }

    /// <summary>Removes a handler; safe to call from inside a tick.</summary>
    public void Unregister(IMediaTickHandler handler)
    {
        lock (_handlersGate)
        {
            _handlers = _handlers.Where(h => !ReferenceEquals(h, handler)).ToArray();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the loop before the next tick's receive phase.</summary>
    public void Post(Action work) => _context.Post(static s => ((Action)s!)(), work);

    /// <summary>Runs <paramref name="work"/> on the loop and hands its result back to the caller's thread.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        });
        return completion.Task;
    }

    /// <summary>Completes on the loop once <paramref name="delay"/> has passed; only call it from the loop.</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        if (!IsOnLoop)
        {
            throw new InvalidOperationException("DelayAsync runs on the media loop only.");
        }

        return _timers.Delay(Tick, delay, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="Task.WhenAny(Task[])"/>, but completes on the loop, so that call flows racing a hangup against an
    /// answer or a timeout advance with the clock and never with thread-pool timing.
    /// </summary>
    public Task<Task> WhenAny(params Task[] tasks)
    {
        var first = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var task in tasks)
        {
            task.ContinueWith(
                static (done, state) => ((TaskCompletionSource<Task>)state!).TrySetResult(done),
                first,
                CancellationToken.None,
                TaskContinuationOptions.None,
                _scheduler);
        }

        return first.Task;
    }

    /// <summary>Starts an async flow on the loop, so that its awaits resume there; the clock owns it (see <see cref="Own"/>).</summary>
    public void Run(Func<Task> flow) => Post(() => Own(flow(), "posted flow"));

    /// <summary>
    /// Takes ownership of a flow already started (a call, an offer, a wrap-up): a failure is logged with
    /// <paramref name="what"/>, and <see cref="WhenFlowsFinished"/> waits for it at shutdown. Nothing is dropped.
    /// </summary>
    public void Own(Task flow, string what)
    {
        ArgumentNullException.ThrowIfNull(flow);
        lock (_flowsGate)
        {
            _flows.Add(flow);
        }

        flow.ContinueWith(
            (done, state) =>
            {
                lock (_flowsGate)
                {
                    _flows.Remove(done);
                }

                if (done.Exception is { } failure)
                {
                    MediaClockLog.FlowFailed(_logger, (string)state!, failure.GetBaseException());
                }
            },
            what,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Completes when every flow the clock owns has finished (they end once their channels hang up).</summary>
    public Task WhenFlowsFinished()
    {
        lock (_flowsGate)
        {
            return Task.WhenAll([.. _flows]).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>How many owned flows are running.</summary>
    public int OwnedFlowCount
    {
        get
        {
            lock (_flowsGate)
            {
                return _flows.Count;
            }
        }
    }

    /// <summary>Runs one tick now. The timer calls this; benchmarks and tests may too.</summary>
    public void RunTick()
    {
        lock (_tickGate)
        {
            RunOneTick();
        }
    }

    private void OnTimer()
    {
        // A slow tick must not overlap the next one: the running tick catches up instead.
        if (!Monitor.TryEnter(_tickGate))
        {
            return;
        }

        try
        {
            var due = (long)(_time.GetElapsedTime(_startTimestamp).Ticks / TickInterval.Ticks);
            var behind = due - Tick;
            if (behind > MaxCatchUpTicks)
            {
                MediaClockLog.FellBehind(_logger, behind);
                Interlocked.Exchange(ref _tick, due - 1);
                behind = 1;
            }

            for (; behind > 0; behind--)
            {
                RunOneTick();
            }

            Realign();
        }
        finally
        {
            Monitor.Exit(_tickGate);
        }
    }

    // A periodic timer re-arms itself from the moment it fired, so each firing's lateness adds to the next (measured
    // here: 14 ms behind the grid within a second) until a firing runs two ticks. Re-arming for the next tick's due time
    // keeps every firing on the grid, late only by its own jitter. A manual clock fires on time and is never re-armed.
    private void Realign()
    {
        var wait = TimeSpan.FromTicks((Tick + 1) * TickInterval.Ticks) - _time.GetElapsedTime(_startTimestamp);
        if (wait < TickInterval - RealignThreshold)
        {
            _timer?.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, TickInterval);
        }
    }

    private void RunOneTick()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            var tick = Interlocked.Increment(ref _tick);
            _context.Drain();
            _timers.Fire(tick);
            _context.Drain();
            var handlers = Volatile.Read(ref _handlers);
            foreach (var handler in handlers)
            {
                Guard(handler, tick, static (h, t) => h.OnReceive(t));
            }

            _context.Drain();
            foreach (var handler in handlers)
            {
                Guard(handler, tick, static (h, t) => h.OnTransmit(t));
            }

            _context.Drain();
            Interlocked.Increment(ref _completedTicks);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void Guard(IMediaTickHandler handler, long tick, Action<IMediaTickHandler, long> phase)
    {
        try
        {
            phase(handler, tick);
        }
        catch (Exception ex)
        {
            MediaClockLog.HandlerFailed(_logger, tick, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();
}
