using System.Security.Cryptography;
using System.Text;
using Appliance.Sync.Transport;
using Grpc.Core;

namespace Appliance.Sync.Reporting;

/// <summary>Lets a report call through only with head office's key in <c>x-headoffice-key</c>.</summary>
public sealed class HeadOfficeKeyAuthorizer : ICallAuthorizer
{
    /// <summary>The metadata key carrying head office's key.</summary>
    public const string HeaderName = "x-headoffice-key";

    private readonly byte[] _expected;

    public HeadOfficeKeyAuthorizer(string headOfficeKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headOfficeKey);
        _expected = SHA256.HashData(Encoding.UTF8.GetBytes(headOfficeKey));
    }

    /// <inheritdoc />
    public ValueTask<Status> AuthorizeAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = context.RequestHeaders.GetValue(HeaderName);
        if (presented is null)
        {
            return ValueTask.FromResult(new Status(StatusCode.Unauthenticated, $"{HeaderName} is missing"));
        }

        // Compare hashes in fixed time, so the comparison leaks neither the key nor its length.
        var ok = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
        return ValueTask.FromResult(ok ? Status.DefaultSuccess : new Status(StatusCode.Unauthenticated, "head office key is not valid for this branch"));
    }
}
