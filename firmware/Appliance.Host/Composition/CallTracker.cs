using Appliance.Core.Routing;

namespace Appliance.Host.Composition;

/// <summary>Follows the one call the simulator placed on a line, from the call center's events, to its stored record.</summary>
internal sealed class CallTracker(int line)
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<CallSummary?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _callId;

    public Task<CallSummary?> Result => _result.Task;

    public Action? ConnectedAction { get; set; }

    public void OnStarted(CallSession call)
    {
        lock (_gate)
        {
            if (_callId is null && call.Line == line)
            {
                _callId = call.CallId;
            }
        }
    }

    public void OnConnected(CallSession call)
    {
        lock (_gate)
        {
            if (call.CallId != _callId)
            {
                return;
            }
        }

        ConnectedAction?.Invoke();
    }

    public void OnFinished(CallSummary summary)
    {
        lock (_gate)
        {
            if (summary.Detail.CallId == _callId)
            {
                _result.TrySetResult(summary);
            }
        }
    }

    /// <summary>The exchange ended the call; if the box never took it, there will be no record to wait for.</summary>
    public void OnLineEnded()
    {
        lock (_gate)
        {
            if (_callId is null)
            {
                _result.TrySetResult(null);
            }
        }
    }
}
