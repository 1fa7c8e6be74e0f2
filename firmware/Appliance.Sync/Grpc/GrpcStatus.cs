namespace Appliance.Sync.Grpc;

/// <summary>The outcome of a call: a status code and a human-readable detail (sent as <c>grpc-message</c>).</summary>
public readonly record struct GrpcStatus(GrpcStatusCode Code, string Detail)
{
    /// <summary>The status of a call that succeeded.</summary>
    public static GrpcStatus Ok { get; } = new(GrpcStatusCode.OK, string.Empty);

    /// <summary>True when <see cref="Code"/> is <see cref="GrpcStatusCode.OK"/>.</summary>
    public bool IsOk => Code == GrpcStatusCode.OK;

    /// <inheritdoc />
    public override string ToString() => Detail.Length == 0 ? Code.ToString() : $"{Code}: {Detail}";
}
