using System.Text;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>A writer that completes <see cref="LineWritten"/> when a line containing the awaited text is written.</summary>
internal sealed class SignallingWriter(string awaited) : StringWriter
{
    private readonly StringBuilder _line = new();

    public TaskCompletionSource<string> LineWritten { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Write(char value)
    {
        base.Write(value);
        if (value == '\n')
        {
            var line = _line.ToString();
            _line.Clear();
            if (line.Contains(awaited, StringComparison.Ordinal))
            {
                LineWritten.TrySetResult(line.Trim());
            }
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        Write(value);
        Write('\n');
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }
}
