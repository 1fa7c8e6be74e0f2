using System.Net;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Web;

/// <summary>Checks <see cref="WebOptions"/>; each failure starts with the setting's name.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out var address) || !IPAddress.IsLoopback(address))
        {
            failures.Add($"ListenAddress: '{options.ListenAddress}' must be a loopback IP address, e.g. 127.0.0.1");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Port: must be between 1 and 65535");
        }

        if (options.PreviousCalls is < 0 or > 50)
        {
            failures.Add("PreviousCalls: must be between 0 and 50");
        }

        if (options.OpenTickets is < 0 or > 50)
        {
            failures.Add("OpenTickets: must be between 0 and 50");
        }

        if (options.NonceLifetimeSeconds is < 10 or > 3600)
        {
            failures.Add("NonceLifetimeSeconds: must be between 10 and 3600");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
