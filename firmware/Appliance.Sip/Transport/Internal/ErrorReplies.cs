using System.Net;
using Appliance.Sip.Parsing;
using Microsoft.Extensions.Logging;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// Decides whether a request the parser refused is answered, and with which bytes to where: the error response of
/// <see cref="MalformedRequestResponder"/>, if the route allows it, the source's reply budget is not spent, and it is no
/// larger than <see cref="MaxReplyBytes"/> (the sender is unauthenticated and perhaps forged: an answer must not amplify).
/// </summary>
internal sealed class ErrorReplies(int perSecond, TimeProvider time, ILogger logger)
{
    /// <summary>Fits one unfragmented datagram on a 1,500-byte MTU path; a reply only echoes the request's own headers.</summary>
    public const int MaxReplyBytes = 1_300;

    private readonly ErrorReplyLimiter _limiter = new(perSecond, time);

    public PreparedReply? Prepare(SipParseResult failure, ReadOnlySpan<byte> raw, IPEndPoint source, bool reliable)
    {
        if (MalformedRequestResponder.TryBuild(failure, raw, source, reliable) is not { } reply)
        {
            return null;
        }

        if (reply.Route.Destination is not { } destination)
        {
            TransportLog.ResponseNotSent(logger, source, reply.Response.StatusCode, reply.Route.Refusal ?? "no destination");
            return null;
        }

        var bytes = SipMessageWriter.ToBytes(reply.Response);
        if (bytes.Length > MaxReplyBytes)
        {
            TransportLog.ErrorReplyTooLarge(logger, source, reply.Response.StatusCode, bytes.Length, MaxReplyBytes);
            return null;
        }

        if (!_limiter.TryTake(ViaStamping.Normalize(source.Address)))
        {
            TransportLog.ErrorReplyRateLimited(logger, source, reply.Response.StatusCode);
            return null;
        }

        return new PreparedReply(bytes, destination);
    }
}
