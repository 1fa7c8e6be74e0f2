using Appliance.Core.Acd;
using Appliance.Core.Routing;
using Appliance.Drivers.Simulated;
using Appliance.Drivers.Simulated.Signals;
using Appliance.Host.Composition.Internal;
using Appliance.Host.Control;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Composition;

/// <summary>
/// Plays a caller on the simulated exchange for `appliance sim call`: rings the line with caller ID, keys the
/// digits after answer (a comma waits a second), speaks a 600 Hz test tone, hangs up after the talk time (or the hang-up time), and reports
/// the call as the box recorded it, and, when asked, what the caller heard (<see cref="HeardAudioFile"/>).
/// </summary>
internal sealed class SimulatedCallRunner(IServiceProvider services, SimulatedExchange exchange, TimeProvider time)
    : ISimulatedCallRunner
{
    /// <summary>The caller's voice: well away from DTMF, busy-tone and agent frequencies.</summary>
    public const double CallerToneHz = 600;

    private static readonly TimeSpan DefaultTalk = TimeSpan.FromSeconds(5);

    public async Task<SimCallResult> RunAsync(SimCallRequest request, CancellationToken cancellationToken)
    {
        if (request.Line < 1 || request.Line > exchange.Ports.Count)
        {
            throw new SimCallRejectedException($"line {request.Line} does not exist (this board has lines 1 to {exchange.Ports.Count})");
        }

        using var heard = request.HeardPath is { } heardPath ? HeardAudioFile.Create(heardPath) : null;
        var callCenter = services.GetRequiredService<CallCenter>();
        var acd = services.GetRequiredService<AcdService>();
        var tracker = new CallTracker(request.Line);
        callCenter.CallStarted += tracker.OnStarted;
        callCenter.CallFinished += tracker.OnFinished;
        acd.CallConnected += tracker.OnConnected;
        ITimer? hangupTimer = null;
        try
        {
            var call = exchange.PlaceCall(request.Line, new SimulatedCallRequest { CallerId = new CallerIdInfo(request.From, null) });
            call.Ended += (_, _) => tracker.OnLineEnded();
            call.Answered += (_, _) =>
            {
                if (request.HangupAfterSeconds is { } after)
                {
                    hangupTimer = time.CreateTimer(_ => call.HangUpNow(), null, TimeSpan.FromSeconds(after), Timeout.InfiniteTimeSpan);
                }
            };
            call.Wait(TimeSpan.FromMilliseconds(500));
            foreach (var (keys, pause) in SimDigitScript.Split(request.Digits ?? string.Empty))
            {
                if (keys is null)
                {
                    call.Wait(pause);
                }
                else
                {
                    call.SendDtmf(keys);
                }
            }

            call.PlayTone(CallerToneHz, 0, TimeSpan.FromHours(1));
            var talk = request.TalkSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : request.HangupAfterSeconds is null ? DefaultTalk : (TimeSpan?)null;
            tracker.ConnectedAction = () =>
            {
                if (talk is { } t)
                {
                    hangupTimer = time.CreateTimer(_ => call.HangUpNow(), null, t, Timeout.InfiniteTimeSpan);
                }
            };

            using var registration = cancellationToken.Register(call.HangUpNow);
            var summary = await tracker.Result.WaitAsync(cancellationToken);
            var result = ToResult(request, summary);
            return heard is null ? result : result with { HeardPath = heard.Path, HeardSeconds = heard.WriteAndClose(call.ReceivedAudio.ToArray()) };
        }
        finally
        {
            hangupTimer?.Dispose();
            callCenter.CallStarted -= tracker.OnStarted;
            callCenter.CallFinished -= tracker.OnFinished;
            acd.CallConnected -= tracker.OnConnected;
        }
    }

    private static SimCallResult ToResult(SimCallRequest request, CallSummary? summary)
    {
        if (summary is null)
        {
            return new SimCallResult(string.Empty, request.Line, string.Empty, SimCallOutcomes.Failed, null, null, 0, 0, null,
                "the box did not take the call (line dead or not answered)");
        }

        var detail = summary.Detail;
        return new SimCallResult(
            detail.CallId,
            request.Line,
            detail.CallerNumber ?? string.Empty,
            detail.Outcome,
            detail.Queue,
            detail.Agent,
            Math.Round(detail.Wait.TotalSeconds, 3),
            Math.Round(detail.Talk.TotalSeconds, 3),
            detail.Recording?.Path,
            null);
    }
}
