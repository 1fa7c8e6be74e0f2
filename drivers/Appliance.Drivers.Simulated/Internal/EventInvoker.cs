namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// Calls every subscriber of an event even when one throws: one faulty handler (a test's, or
/// telephony's) must neither hide the event from the others nor escape onto the timer thread.
/// </summary>
internal static class EventInvoker
{
    public static void Raise<TArgs>(EventHandler<TArgs>? handler, object sender, TArgs args, Action<Exception> onError)
    {
        if (handler is null)
        {
            return;
        }

        foreach (var subscriber in handler.GetInvocationList())
        {
            try
            {
                ((EventHandler<TArgs>)subscriber)(sender, args);
            }
            catch (Exception error)
            {
                onError(error);
            }
        }
    }

    public static void Raise(EventHandler? handler, object sender, Action<Exception> onError)
    {
        if (handler is null)
        {
            return;
        }

        foreach (var subscriber in handler.GetInvocationList())
        {
            try
            {
                ((EventHandler)subscriber)(sender, EventArgs.Empty);
            }
            catch (Exception error)
            {
                onError(error);
            }
        }
    }
}
