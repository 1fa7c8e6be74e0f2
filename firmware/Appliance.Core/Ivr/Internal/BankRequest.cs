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

        // Made and cancelled on the loop only: the request ends when the flow stops waiting for it.
        using var cancel = new CancellationTokenSource();
        var token = cancel.Token;
        var work = Task.Run(() => RunAsync(service, call.CallId, operation, token, bank, request));
        using var stopTimer = new CancellationTokenSource();
        var timer = service.Clock.DelayAsync(timeout, stopTimer.Token);
        var whenFirst = service.Clock.WhenAny(work, timer);

        // Counted as ended only after the loop continuation above is queued (asynchronous continuations are queued
        // before synchronous ones run), so a test's manual clock never steps past an answer already given.
        service.Clock.Own(
            work.ContinueWith(static (_, state) => ((SelfService)state!).RequestEnded(), service, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default),
            "core bank " + operation);
        var first = await whenFirst;

        // Cancel, not CancelAsync: CancelAsync runs the callbacks on the thread pool and the flow would resume there,
        // off the loop that owns the call. The callbacks here (the clock's timer, an adapter's request abort) are short.
        stopTimer.Cancel();
        if (first == work)
        {
            return await work;
        }

        cancel.Cancel();
        return BankAnswer<T>.Failed("timeout");
    }

    private static async Task<BankAnswer<T>> RunAsync<T>(
        SelfService service, string callId, string operation, CancellationToken cancel, ICoreBanking bank, Func<ICoreBanking, CancellationToken, Task<T>> request)
        where T : class
    {
        try
        {
            var answer = await request(bank, cancel).ConfigureAwait(false);
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
