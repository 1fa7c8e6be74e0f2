using System.Globalization;
using System.Net;

namespace Appliance.Sip.Sdp;

/// <summary>
/// The RFC 3264 offer/answer model for one audio stream: PCMU/PCMA with telephone-event, hold and resume by direction
/// attributes, RFC 2543 hold (c=0.0.0.0) understood on input, and refusal when nothing in common.
/// </summary>
public static class SdpOfferAnswer
{
    /// <summary>An offer with one audio stream; <paramref name="direction"/> sendonly puts the peer on hold, sendrecv resumes.</summary>
    public static SdpSessionDescription CreateOffer(SdpLocalMedia local, SdpDirection direction = SdpDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(local);
        var offer = NewSession(local);
        var media = new SdpMediaDescription("audio", local.RtpPort, "RTP/AVP", local.Codecs.Select(c => Number(c.PayloadType)));
        foreach (var codec in local.Codecs)
        {
            AddFormatAttributes(media, codec);
        }

        media.Attributes.Add(new SdpAttribute("ptime", "20"));
        media.Attributes.Add(new SdpAttribute(DirectionName(direction), null));
        offer.Media.Add(media);
        return offer;
    }

    /// <summary>Answers <paramref name="offer"/> (§6): accepts the first audio stream with a common codec, disables the rest.</summary>
    public static SdpAnswerResult CreateAnswer(SdpSessionDescription offer, SdpLocalMedia local, bool localHold = false)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        var answer = NewSession(local);
        SdpNegotiatedMedia? negotiated = null;
        foreach (var offered in offer.Media)
        {
            var chosen = negotiated is null && offered.Port != 0 && offered.Media == "audio" && offered.Protocol == "RTP/AVP"
                ? ChooseCodecs(offered, local.Codecs)
                : null;
            if (chosen is not { } pick)
            {
                // A stream we decline stays in place with port 0 so the m-lines still line up (§6).
                answer.Media.Add(new SdpMediaDescription(offered.Media, 0, offered.Protocol, offered.Formats.Take(1)));
                continue;
            }

            var remoteDirection = EffectiveDirection(offer, offered);
            var localDirection = AnswerDirection(remoteDirection, localHold);
            var media = new SdpMediaDescription("audio", local.RtpPort, "RTP/AVP", [Number(pick.Audio.PayloadType)]);
            AddFormatAttributes(media, pick.Audio);
            if (pick.Events is { } events)
            {
                media.Formats.Add(Number(events.PayloadType));
                AddFormatAttributes(media, events);
            }

            media.Attributes.Add(new SdpAttribute("ptime", "20"));
            media.Attributes.Add(new SdpAttribute(DirectionName(localDirection), null));
            answer.Media.Add(media);
            negotiated = new SdpNegotiatedMedia(pick.Audio, pick.Events?.PayloadType, RemoteEndPoint(offer, offered), localDirection);
        }

        return negotiated is null
            ? SdpAnswerResult.Refuse(offer.Media.Count == 0 ? "Not Acceptable Here: the offer has no media" : "Not Acceptable Here: no common audio codec")
            : new SdpAnswerResult(answer, negotiated, 200, "OK");
    }

    /// <summary>Reads the peer's answer to our offer; null when it accepted no audio stream.</summary>
    public static SdpNegotiatedMedia? ReadAnswer(SdpSessionDescription answer, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(local);
        foreach (var media in answer.Media)
        {
            if (media.Port == 0 || media.Media != "audio" || ChooseCodecs(media, local.Codecs) is not { } pick)
            {
                continue;
            }

            var theirs = EffectiveDirection(answer, media);
            return new SdpNegotiatedMedia(pick.Audio, pick.Events?.PayloadType, RemoteEndPoint(answer, media), Mirror(theirs));
        }

        return null;
    }

    private static (SdpCodec Audio, SdpCodec? Events)? ChooseCodecs(SdpMediaDescription offered, IReadOnlyList<SdpCodec> ours)
    {
        SdpCodec? audio = null;
        SdpCodec? events = null;
        foreach (var format in offered.Formats)
        {
            var codec = offered.CodecFor(format);
            if (codec is null || !ours.Any(c => c.SameFormatAs(codec)))
            {
                continue;
            }

            if (codec.IsTelephoneEvent)
            {
                events ??= codec;
            }
            else
            {
                audio ??= codec;
            }
        }

        return audio is null ? null : (audio, events);
    }

    /// <summary>The offerer's direction, with c=0.0.0.0 read as RFC 2543 hold: they will not receive (§8.4).</summary>
    private static SdpDirection EffectiveDirection(SdpSessionDescription session, SdpMediaDescription media)
    {
        var direction = session.DirectionOf(media);
        if (session.ConnectionOf(media)?.IsOldStyleHold == true)
        {
            direction = direction switch
            {
                SdpDirection.SendRecv => SdpDirection.SendOnly,
                SdpDirection.RecvOnly => SdpDirection.Inactive,
                _ => direction,
            };
        }

        return direction;
    }

    private static SdpDirection AnswerDirection(SdpDirection offered, bool localHold)
    {
        var mirrored = Mirror(offered);
        if (!localHold)
        {
            return mirrored;
        }

        // On hold ourselves we stop receiving: drop the receive half of whatever the mirror allows.
        return mirrored switch
        {
            SdpDirection.SendRecv => SdpDirection.SendOnly,
            SdpDirection.RecvOnly => SdpDirection.Inactive,
            _ => mirrored,
        };
    }

    private static SdpDirection Mirror(SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    private static IPEndPoint? RemoteEndPoint(SdpSessionDescription session, SdpMediaDescription media)
    {
        var connection = session.ConnectionOf(media);
        return connection is null || connection.IsOldStyleHold || !IPAddress.TryParse(connection.Address, out var address)
            ? null
            : new IPEndPoint(address, media.Port);
    }

    private static SdpSessionDescription NewSession(SdpLocalMedia local)
    {
        var connection = SdpConnection.For(local.Address);
        return new SdpSessionDescription(new SdpOrigin("-", local.SessionId, local.SessionVersion, "IN", connection.AddressType, local.Address.ToString()))
        {
            Connection = connection,
        };
    }

    private static void AddFormatAttributes(SdpMediaDescription media, SdpCodec codec)
    {
        media.Attributes.Add(new SdpAttribute("rtpmap", $"{Number(codec.PayloadType)} {codec.EncodingName}/{Number(codec.ClockRate)}"));
        if (codec.IsTelephoneEvent)
        {
            media.Attributes.Add(new SdpAttribute("fmtp", $"{Number(codec.PayloadType)} 0-16"));
        }
    }

    private static string DirectionName(SdpDirection direction) => direction.ToString().ToLowerInvariant();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
