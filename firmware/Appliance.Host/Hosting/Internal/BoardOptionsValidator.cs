using Microsoft.Extensions.Options;

namespace Appliance.Host.Hosting.Internal;

/// <summary>Refuses a driver this build does not contain, listing the ones it does.</summary>
internal sealed class BoardOptionsValidator : IValidateOptions<BoardOptions>
{
    public ValidateOptionsResult Validate(string? name, BoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (BoardOptions.AvailableDrivers.Contains(options.Driver, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var available = string.Join(", ", BoardOptions.AvailableDrivers);
        return ValidateOptionsResult.Fail(
            $"{BoardOptions.SectionName}:Driver: '{options.Driver}' is not available in this build (available: {available})");
    }
}
