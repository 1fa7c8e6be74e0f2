using System.Security.Cryptography;
using Appliance.HeadOffice.Branches;
using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>
/// Checks a whole batch before anything touches the database: one malformed record refuses the batch with
/// INVALID_ARGUMENT (the box has a bug to fix; applying half would hide it). Records that are well formed but of a kind
/// or payload version this head office does not know yet are rejected one by one, so a newer box still syncs the rest.
/// </summary>
internal static class BatchValidator
{
    /// <summary>The newest payload version of each kind this head office understands.</summary>
    public const int SupportedPayloadVersion = 1;

    private const int MaxKeyLength = 128;

    public static ValidatedBatch Validate(PushBatchRequest request, int maxRecords)
    {
        if (!BranchIds.IsValid(request.BranchId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "branch_id is missing or not a valid branch id; nothing was applied."));
        }

        if (request.Records.Count > maxRecords)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"The batch has {request.Records.Count} records; at most {maxRecords} are accepted per batch. Nothing was applied."));
        }

        var accepted = new List<IncomingRecord>(request.Records.Count);
        var rejected = new List<RejectedRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Records.Count; i++)
        {
            var record = request.Records[i];
            var where = $"record {i}";
            CheckKey(where, record.IdempotencyKey);
            where = $"record {i} ('{record.IdempotencyKey}')";
            if (!seen.Add(record.IdempotencyKey))
            {
                throw FieldRules.Invalid(where, "idempotency_key appears twice in the batch");
            }

            if (record.Sequence < 0)
            {
                throw FieldRules.Invalid(where, "sequence must not be negative");
            }

            if (record.Kind == RecordKind.Unspecified)
            {
                throw FieldRules.Invalid(where, "kind is not set");
            }

            var version = record.PayloadVersion == 0 ? 1 : record.PayloadVersion;
            if (version < 0)
            {
                throw FieldRules.Invalid(where, "payload_version must not be negative");
            }

            if (!System.Enum.IsDefined(record.Kind) || version > SupportedPayloadVersion)
            {
                rejected.Add(new RejectedRecord
                {
                    IdempotencyKey = record.IdempotencyKey,
                    Reason = $"This head office does not accept kind {(int)record.Kind} with payload version {version}; upgrade head office.",
                });
                continue;
            }

            var createdAt = FieldRules.Time(where, "created_at", record.CreatedAt, required: false);
            var payload = record.Payload.ToByteArray();
            var message = PayloadRules.Parse(where, record.Kind, payload);
            accepted.Add(new IncomingRecord(
                record.IdempotencyKey, (int)record.Kind, version, record.Sequence, payload, SHA256.HashData(payload), createdAt, message));
        }

        return new ValidatedBatch(accepted, rejected);
    }

    private static void CheckKey(string where, string key)
    {
        if (key.Length == 0 || key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw FieldRules.Invalid(where, $"idempotency_key must be 1-{MaxKeyLength} printable ASCII characters without spaces");
        }
    }
}
