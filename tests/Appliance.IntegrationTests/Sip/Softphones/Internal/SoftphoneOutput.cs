using System.Diagnostics;
using System.Text;

namespace Appliance.IntegrationTests.Sip.Softphones.Internal;

/// <summary>
/// What a softphone prints on stdout and stderr, one cleaned line at a time, and waits on it that wake up on every new
/// chunk of output (never on a timer of ours). Partial lines count too: linphonec's password prompt ends without a newline.
/// </summary>
internal sealed class SoftphoneOutput(string phoneName, Func<string, string> clean)
{
    private const int TailLength = 8000;
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    private readonly StringBuilder[] _partial = [new(), new()];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closed;

    /// <summary>Everything so far.</summary>
    public string Text => Since(0);

    /// <summary>A mark for waits that must only see what comes after it.</summary>
    public int Mark
    {
        get
        {
            lock (_gate)
            {
                return _text.Length;
            }
        }
    }

    /// <summary>Adds a chunk read from stream 0 (stdout) or 1 (stderr); lines end at CR or LF.</summary>
    public void Append(int stream, ReadOnlySpan<char> chunk)
    {
        lock (_gate)
        {
            var partial = _partial[stream];
            foreach (var c in chunk)
            {
                if (c is '\r' or '\n')
                {
                    Commit(partial.ToString());
                    partial.Clear();
                }
                else
                {
                    partial.Append(c);
                }
            }

            Signal();
        }
    }

    /// <summary>Adds a whole line that did not come from the process's streams (e.g. a control-socket event).</summary>
    public void AppendLine(string line)
    {
        lock (_gate)
        {
            Commit(line);
            Signal();
        }
    }

    /// <summary>The process has ended: waits that have not matched fail at once.</summary>
    public void Close()
    {
        lock (_gate)
        {
            foreach (var partial in _partial)
            {
                Commit(partial.ToString());
                partial.Clear();
            }

            _closed = true;
            Signal();
        }
    }

    /// <summary>The text after <paramref name="mark"/>, unfinished lines included.</summary>
    public string Since(int mark)
    {
        lock (_gate)
        {
            var from = Math.Clamp(mark, 0, _text.Length);
            var text = new StringBuilder(_text.ToString(from, _text.Length - from));
            foreach (var partial in _partial)
            {
                var cleaned = clean(partial.ToString());
                if (cleaned.Length > 0)
                {
                    text.Append(cleaned).Append('\n');
                }
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// Waits until <paramref name="probe"/> finds something in the text after <paramref name="mark"/>; fails with the
    /// output's tail if the phone exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<T> WaitAsync<T>(int mark, Func<string, T?> probe, TimeSpan timeout, string what)
        where T : struct
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            bool closed;
            lock (_gate)
            {
                changed = _changed.Task;
                closed = _closed;
            }

            if (probe(Since(mark)) is { } found)
            {
                return found;
            }

            if (closed)
            {
                throw new InvalidOperationException($"{phoneName} exited before it {what}.\n{Tail()}");
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            try
            {
                await changed.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{phoneName} has not {what} within {timeout.TotalSeconds:0.#} s.\n{Tail()}");
            }
        }
    }

    /// <summary>The end of the output, for failure messages.</summary>
    public string Tail()
    {
        var text = Text;
        return text.Length > TailLength ? "…" + text[^TailLength..] : text;
    }

    private void Commit(string raw)
    {
        var line = clean(raw);
        if (line.Length > 0)
        {
            _text.Append(line).Append('\n');
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
