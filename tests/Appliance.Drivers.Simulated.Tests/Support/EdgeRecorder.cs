using System.Device.Gpio;
using System.Threading.Channels;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>
/// Collects the edges a pin-change callback receives, from whatever thread the driver calls it on (the simulated driver
/// calls it at once; a real chip's driver from its event thread), so a test can await them in order.
/// </summary>
internal sealed class EdgeRecorder
{
    private readonly Channel<PinValueChangedEventArgs> _edges = Channel.CreateUnbounded<PinValueChangedEventArgs>();
    private int _count;

    /// <summary>The callback to register.</summary>
    public PinChangeEventHandler Callback => OnEdge;

    /// <summary>Edges received so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The next edge; fails the test if none comes within <paramref name="timeout"/> (a guard against a driver that never calls, not a wait for time to pass).</summary>
    public async Task<PinValueChangedEventArgs> NextAsync(TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(timeout);
        try
        {
            return await _edges.Reader.ReadAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No pin edge arrived within {timeout}.");
        }
    }

    private void OnEdge(object sender, PinValueChangedEventArgs args)
    {
        Interlocked.Increment(ref _count);
        _edges.Writer.TryWrite(args);
    }
}
