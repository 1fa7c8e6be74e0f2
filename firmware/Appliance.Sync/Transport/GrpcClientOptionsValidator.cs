using Microsoft.Extensions.Options;

namespace Appliance.Sync.Transport;

/// <summary>Validates <see cref="GrpcClientOptions"/>, naming the bad setting in the error.</summary>
public sealed class GrpcClientOptionsValidator : IValidateOptions<GrpcClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GrpcClientOptions options)
    {
        var failures = new List<string>();
        const string Section = GrpcClientOptions.SectionName;
        if (options.MaxReceiveMessageSize is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxReceiveMessageSize must be between 1024 and 67108864 bytes (was {options.MaxReceiveMessageSize}).");
        }

        if (options.MaxSendMessageSize is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxSendMessageSize must be between 1024 and 67108864 bytes (was {options.MaxSendMessageSize}).");
        }

        if (options.RequestCompression is not ("identity" or "gzip"))
        {
            failures.Add($"{Section}:RequestCompression must be 'identity' or 'gzip' (was '{options.RequestCompression}').");
        }

        if (!double.IsFinite(options.DefaultTimeoutSeconds) || options.DefaultTimeoutSeconds is < 0 or > 86400)
        {
            failures.Add($"{Section}:DefaultTimeoutSeconds must be between 0 and 86400 (was {options.DefaultTimeoutSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
