namespace Appliance.Sync.Grpc.Internal;

/// <summary>Names and sizes fixed by the gRPC over HTTP/2 protocol document.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string ProtoContentType = "application/grpc+proto";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TeHeader = "te";
    public const string Identity = "identity";
    public const string Gzip = "gzip";

    /// <summary>What this implementation can decode, advertised in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>Compressed-Flag (1 byte) + Message-Length (4 bytes, big endian).</summary>
    public const int FrameHeaderSize = 5;

    /// <summary>
    /// True for <c>application/grpc</c> and <c>application/grpc+proto</c> (parameters allowed); other sub-types
    /// such as <c>+json</c> name a codec this transport does not speak.
    /// </summary>
    public static bool IsProtoContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = contentType.AsSpan(ContentType.Length);
        var semicolon = rest.IndexOf(';');
        if (semicolon >= 0)
        {
            rest = rest[..semicolon];
        }

        rest = rest.Trim();
        return rest.IsEmpty || rest.Equals("+proto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a comma-separated <c>grpc-accept-encoding</c> list names <paramref name="encoding"/>.</summary>
    public static bool AcceptsEncoding(string? acceptList, string encoding)
    {
        if (string.IsNullOrEmpty(acceptList))
        {
            return false;
        }

        foreach (var range in acceptList.AsSpan().Split(','))
        {
            if (acceptList.AsSpan(range).Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The status a client must synthesize when an HTTP response carries no grpc-status
    /// (gRPC's "HTTP to gRPC status code mapping" document).
    /// </summary>
    public static GrpcStatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => GrpcStatusCode.Internal,
        401 => GrpcStatusCode.Unauthenticated,
        403 => GrpcStatusCode.PermissionDenied,
        404 => GrpcStatusCode.Unimplemented,
        429 or 502 or 503 or 504 => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };
}
