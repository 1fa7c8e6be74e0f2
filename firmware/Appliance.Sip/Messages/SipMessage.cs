namespace Appliance.Sip.Messages;

/// <summary>A SIP request or response: headers (the source of truth) and a body, with typed views of the core headers.</summary>
public abstract class SipMessage
{
    public SipHeaderCollection Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string? CallId => Headers[SipHeaderNames.CallId];

    public CSeqHeader CSeq => CSeqHeader.Parse(Headers[SipHeaderNames.CSeq] ?? throw MissingHeader(SipHeaderNames.CSeq));

    public NameAddress From => NameAddress.Parse(Headers[SipHeaderNames.From] ?? throw MissingHeader(SipHeaderNames.From), SipHeaderNames.From);

    public NameAddress To => NameAddress.Parse(Headers[SipHeaderNames.To] ?? throw MissingHeader(SipHeaderNames.To), SipHeaderNames.To);

    /// <summary>The topmost Via: the one that identifies the transaction (§17.2.3).</summary>
    public ViaHeader TopVia => ViaHeader.Parse(Headers[SipHeaderNames.Via] ?? throw MissingHeader(SipHeaderNames.Via));

    public IReadOnlyList<ViaHeader> Vias => Headers.GetAll(SipHeaderNames.Via).Select(v => ViaHeader.Parse(v)).ToList();

    public IReadOnlyList<NameAddress> Contacts => Headers.GetAll(SipHeaderNames.Contact)
        .Where(c => c.Trim() != "*")
        .Select(c => NameAddress.Parse(c, SipHeaderNames.Contact))
        .ToList();

    public string? ContentType => Headers[SipHeaderNames.ContentType];

    private static InvalidOperationException MissingHeader(string name) => new($"The message has no {name} header.");
}
