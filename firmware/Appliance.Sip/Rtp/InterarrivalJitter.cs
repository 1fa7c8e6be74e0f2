namespace Appliance.Sip.Rtp;

/// <summary>
/// The interarrival jitter estimator of RFC 3550 §6.4.1 / A.8: J += (|D| - J) / 16, in timestamp units, where D compares
/// the spacing of arrivals with the spacing of RTP timestamps. Arrival times are given in the same clock units.
/// </summary>
public sealed class InterarrivalJitter
{
    private long _lastTransit;
    private bool _hasLast;
    private double _jitter;

    /// <summary>The current estimate in RTP timestamp units.</summary>
    public double Jitter => _jitter;

    /// <summary>The value for an RTCP report block (§6.4.1: an unsigned integer).</summary>
    public uint ReportValue => (uint)Math.Min(uint.MaxValue, _jitter);

    public void Update(uint rtpTimestamp, long arrivalInClockUnits)
    {
        // Transit modulo 2^32 so the timestamp's wrap does not look like a huge delay.
        var transit = (long)(int)((uint)arrivalInClockUnits - rtpTimestamp);
        if (_hasLast)
        {
            var difference = Math.Abs(transit - _lastTransit);
            _jitter += (difference - _jitter) / 16.0;
        }

        _lastTransit = transit;
        _hasLast = true;
    }

    public void Reset()
    {
        _hasLast = false;
        _jitter = 0;
    }
}
