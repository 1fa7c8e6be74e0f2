using System.Text;
using Appliance.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// Checks the socket path fits in sockaddr_un: Linux silently cannot bind a longer one, which would otherwise surface
/// as a baffling Kestrel error at start.
/// </summary>
internal sealed class ControlOptionsValidator(ApplianceDataDirectory dataDirectory) : IValidateOptions<ControlOptions>
{
    // sun_path is 108 bytes on Linux including the terminating NUL.
    public const int MaximumSocketPathBytes = 107;

    public ValidateOptionsResult Validate(string? name, ControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SocketFile))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it.
        }

        var path = dataDirectory.Resolve(options.SocketFile);
        var length = Encoding.UTF8.GetByteCount(path);
        return length <= MaximumSocketPathBytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ControlOptions.SectionName}:SocketFile: the socket path {path} is {length} bytes long; " +
                $"Unix domain sockets allow at most {MaximumSocketPathBytes} (use a shorter data directory or an absolute SocketFile)");
    }
}
