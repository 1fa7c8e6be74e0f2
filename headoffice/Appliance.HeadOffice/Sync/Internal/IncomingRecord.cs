using Google.Protobuf;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>A record of a batch that passed validation, with its payload already parsed.</summary>
internal sealed record IncomingRecord(
    string Key,
    int Kind,
    int PayloadVersion,
    long Sequence,
    byte[] Payload,
    byte[] PayloadSha256,
    DateTime? CreatedAt,
    IMessage Message);
