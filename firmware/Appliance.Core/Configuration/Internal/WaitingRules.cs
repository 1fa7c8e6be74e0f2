namespace Appliance.Core.Configuration.Internal;

/// <summary>What a queue offers waiting callers: announcements that make sense and a callback that can be dialled.</summary>
internal static class WaitingRules
{
    private const string Keys = "0123456789*#";

    public static void Check(QueueConfig queue, string path, ErrorList errors)
    {
        if (queue.Announce is { } announce)
        {
            if (announce.EverySeconds != 0)
            {
                errors.Range(path + ".announce.everySeconds", announce.EverySeconds, 15, 600);
            }

            if (!announce.Position && !announce.ExpectedWait)
            {
                errors.Add(path + ".announce", "announces neither the position nor the expected wait; leave it out instead");
            }
        }

        if (queue.Callback is { } callback)
        {
            CheckCallback(callback, path + ".callback", errors);
        }
    }

    private static void CheckCallback(QueueCallback callback, string path, ErrorList errors)
    {
        if (callback.Key is not { Length: 1 } key || !Keys.Contains(key[0], StringComparison.Ordinal))
        {
            errors.Add(path + ".key", $"'{callback.Key}' is not one key (0-9, * or #)");
        }

        errors.Range(path + ".attempts", callback.Attempts, 1, 10);
        if (callback.RetryAfterSeconds.Count != Math.Max(callback.Attempts - 1, 0))
        {
            errors.Add(path + ".retryAfterSeconds", $"needs one interval per retry ({callback.Attempts - 1}), not {callback.RetryAfterSeconds.Count}");
        }

        for (var i = 0; i < callback.RetryAfterSeconds.Count; i++)
        {
            errors.Range($"{path}.retryAfterSeconds[{i + 1}]", callback.RetryAfterSeconds[i], 10, 86_400);
        }

        errors.Range(path + ".offerAfterSeconds", callback.OfferAfterSeconds, 0, 3_600);
        errors.Range(path + ".minDigits", callback.MinDigits, 3, 20);
        errors.Range(path + ".maxDigits", callback.MaxDigits, callback.MinDigits, 20);
        var colon = callback.DialString.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !callback.DialString.Contains("{number}", StringComparison.Ordinal))
        {
            errors.Add(path + ".dialString", $"'{callback.DialString}' is not TECHNOLOGY:…{{number}}…, e.g. line:{{number}}");
        }
    }
}
