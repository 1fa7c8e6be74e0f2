using Appliance.Core.Acd.Internal.Announcements;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// What a caller hears while waiting: the hold prompt, then their place and expected wait on entry and every
/// <see cref="Configuration.QueueAnnouncement.EverySeconds"/>, and the callback offer; it listens for the callback key.
/// An async flow on the media loop: it waits on the channel's own tick-driven timers, never blocking the tick, and an
/// agent answering stops the prompt playing (the conversation stops playback, the wait cancels the flow).
/// </summary>
internal sealed class WaitAnnouncer(MediaClock clock, FlowRunner menus, WaitForecaster forecaster)
{
    private readonly List<string> _prompts = new(16);

    /// <summary>Runs until <paramref name="stop"/>; returns true as soon as the caller presses the callback key.</summary>
    public async Task<bool> RunAsync(WaitingCaller waiter, CancellationToken stop)
    {
        var call = waiter.Call;
        var queue = waiter.Queue;
        // A caller an agent transferred back into a queue is mid-conversation: they are not offered a callback.
        var callback = call.ConnectedAt is null ? queue.Callback : null;
        var key = callback?.Key[0];
        var offerAt = waiter.EnteredAt + TimeSpan.FromSeconds(callback?.OfferAfterSeconds ?? 0);
        var offered = false;
        var every = queue.Announce is { EverySeconds: > 0 } announce ? TimeSpan.FromSeconds(announce.EverySeconds) : (TimeSpan?)null;
        var nextAnnounce = waiter.EnteredAt;
        try
        {
            await menus.PlayAsync(call, "please-hold", stopOnDigit: callback is not null);
            while (!stop.IsCancellationRequested)
            {
                var now = clock.Time.GetUtcNow();
                if (queue.Announce is not null && now >= nextAnnounce)
                {
                    await PlayAsync(call, Compose(waiter), callback is not null, stop);
                    nextAnnounce = every is { } period ? nextAnnounce + period : DateTimeOffset.MaxValue;
                }

                if (key is { } offerKey && !offered && clock.Time.GetUtcNow() >= offerAt && !stop.IsCancellationRequested)
                {
                    _prompts.Clear();
                    AnnouncementText.CallbackOffer(call.Language, offerKey, _prompts);
                    await PlayAsync(call, [.. _prompts], stopOnDigit: true, stop);
                    offered = true;
                }

                var until = Min(nextAnnounce, key is null || offered ? DateTimeOffset.MaxValue : offerAt) - clock.Time.GetUtcNow();
                var pressed = await ReadKeyAsync(call, until, stop);
                if (offered && pressed == key)
                {
                    return true;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ChannelHangupException or InvalidOperationException)
        {
            // The wait ended (an agent answered, the caller hung up): nothing more to say.
        }

        return false;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // Waits for a key until the next thing to say; with nothing left to say, until the wait ends.
    private static async Task<char?> ReadKeyAsync(CallSession call, TimeSpan until, CancellationToken stop)
    {
        var wait = until <= TimeSpan.Zero ? MediaClock.TickInterval : until > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : until;
        return await call.Channel.ReadDigitAsync(wait, stop);
    }

    private string[] Compose(WaitingCaller waiter)
    {
        var call = waiter.Call;
        var announce = waiter.Queue.Announce!;
        var position = Router.PositionOf(waiter);
        TimeSpan? expected = null;
        _prompts.Clear();
        if (position >= 1 && waiter.Slot is { } slot)
        {
            var (staffed, free) = Router.Staffing(slot);
            expected = forecaster.Expected(waiter.Queue.Name, position, staffed, free);
            if (announce.Position)
            {
                AnnouncementText.Position(call.Language, position, _prompts);
            }

            // A wait under a minute is said as "about one minute"; none at all (an agent is free) is not said.
            if (announce.ExpectedWait && expected is { } wait && wait > TimeSpan.Zero)
            {
                AnnouncementText.Wait(call.Language, Math.Max(1, (int)Math.Round(wait.TotalMinutes, MidpointRounding.AwayFromZero)), _prompts);
            }
        }

        string[] prompts = [.. _prompts];
        call.Log(CallEventKinds.Announce, waiter.Queue.Name, data:
            [("position", position), ("ewt", expected is { } e ? CallSession.Seconds(e) : null), ("prompts", string.Join(' ', prompts))]);
        return prompts;
    }

    private async Task PlayAsync(CallSession call, string[] prompts, bool stopOnDigit, CancellationToken stop)
    {
        foreach (var prompt in prompts)
        {
            if (stop.IsCancellationRequested || !await menus.PlayAsync(call, prompt, stopOnDigit))
            {
                return;
            }
        }
    }
}
