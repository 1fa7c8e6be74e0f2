using Appliance.Banking;
using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>
/// One request to the core bank from a call's flow. The request runs on the thread pool as work the media clock owns
/// (awaited at shutdown, never dropped); the flow waits on the loop for it or for the timeout, whichever comes first,
/// and the result comes back to the loop. A request that outlives its timeout is cancelled and ends on its own.
/// </summary>
internal static class BankRequest
{
    public static async Task<BankAnswer<T>> AskAsync<T>(
        SelfService service, CallSession call, string operation, TimeSpan timeout, Func<ICoreBanking, CancellationToken, Task<T>> request)
        where T : class
    {
        if (service.Bank is not { } bank)
        {
            return BankAnswer<T>.Failed("no-bank");
        }

        service.RequestStarted();
        var work = Task.Run(() => RunAsync(service, call.CallId, operation, timeout, bank, request));
        service.Clock.Own(work, "core bank " + operation);
        using var stopTimer = new CancellationTokenSource();
        var timer = service.Clock.DelayAsync(timeout, stopTimer.Token);
        var first = await service.Clock.WhenAny(work, timer);
        await stopTimer.CancelAsync();
        return first == work ? await work : BankAnswer<T>.Failed("timeout");
    }

    private static async Task<BankAnswer<T>> RunAsync<T>(
        SelfService service, string callId, string operation, TimeSpan timeout, ICoreBanking bank, Func<ICoreBanking, CancellationToken, Task<T>> request)
        where T : class
    {
        // The request cancels itself after the timeout on the clock's time, so it ends even when the flow is gone.
        using var cancel = new CancellationTokenSource(timeout, service.Clock.Time);
        try
        {
            var answer = await request(bank, cancel.Token).ConfigureAwait(false);
            return answer is null ? BankAnswer<T>.Failed("bad-answer") : BankAnswer<T>.Of(answer);
        }
        catch (CoreBankingException failure)
        {
            return BankAnswer<T>.Failed(Reason(failure.Failure));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return BankAnswer<T>.Failed("timeout");
        }
        catch (Exception error)
        {
            // An adapter bug must not end the call: the caller goes to an agent like for any other failure.
            SelfServiceLog.BankError(service.Logger, callId, operation, error);
            return BankAnswer<T>.Failed("error");
        }
        finally
        {
            service.RequestEnded();
        }
    }

    /// <summary>Logs a failed request (the reason only) and plays the node's sorry prompt.</summary>
    public static async Task<string?> SorryAsync(FlowRunner runner, SelfService? service, CallSession call, string menu, Configuration.Flow.BankNode node, string operation, string reason)
    {
        if (service is not null)
        {
            SelfServiceLog.BankFailed(service.Logger, call.CallId, operation, reason);
        }

        call.Log(CallEventKinds.SelfServiceFailed, data: [("menu", menu), ("node", node.Id), ("operation", operation), ("reason", reason)]);
        await runner.PlayAsync(call, node.SorryPrompt, stopOnDigit: false);
        return node.OnFailure;
    }

    private static string Reason(CoreBankingFailure failure) => failure switch
    {
        CoreBankingFailure.Timeout => "timeout",
        CoreBankingFailure.BadAnswer => "bad-answer",
        CoreBankingFailure.UnknownCustomer => "unknown-customer",
        _ => "unavailable",
    };
}
