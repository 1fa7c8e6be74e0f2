using Microsoft.Extensions.Options;

namespace Appliance.Sync.Transport;

/// <summary>Validates <see cref="GrpcServerOptions"/>, naming the bad setting in the error.</summary>
public sealed class GrpcServerOptionsValidator : IValidateOptions<GrpcServerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GrpcServerOptions options)
    {
        var failures = new List<string>();
        const string Section = GrpcServerOptions.SectionName;
        if (options.MaxReceiveMessageSize is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxReceiveMessageSize must be between 1024 and 67108864 bytes (was {options.MaxReceiveMessageSize}).");
        }

        if (options.MaxSendMessageSize is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxSendMessageSize must be between 1024 and 67108864 bytes (was {options.MaxSendMessageSize}).");
        }

        if (options.ResponseCompression is not ("identity" or "gzip"))
        {
            failures.Add($"{Section}:ResponseCompression must be 'identity' or 'gzip' (was '{options.ResponseCompression}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
