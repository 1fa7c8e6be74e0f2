using System.Collections.Concurrent;
using Appliance.Host.Control;

namespace Appliance.Host.Tests.Support;

/// <summary>A call runner that answers from a script and records what it was asked.</summary>
internal sealed class FakeCallRunner : ISimulatedCallRunner
{
    public ConcurrentQueue<SimCallRequest> Requests { get; } = new();

    public Func<SimCallRequest, CancellationToken, Task<SimCallResult>> Behaviour { get; set; } = (request, _) =>
        Task.FromResult(new SimCallResult(
            $"call-{request.Line}-{request.From}",
            request.Line,
            request.From,
            SimCallOutcomes.AnsweredByAgent,
            "general",
            "agent-7",
            4.5,
            request.TalkSeconds ?? 10,
            $"recordings/call-{request.Line}.wav",
            null));

    public Task<SimCallResult> RunAsync(SimCallRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Behaviour(request, cancellationToken);
    }
}

/// <summary>A status section whose content the test controls.</summary>
internal sealed class FakeStatusSection(string name, Func<object> status) : IStatusSection
{
    public string Name { get; } = name;

    public object GetStatus() => status();
}
