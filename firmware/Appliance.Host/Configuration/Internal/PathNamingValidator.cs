using Microsoft.Extensions.Options;

namespace Appliance.Host.Configuration.Internal;

/// <summary>
/// DataAnnotations validation of one options class whose failures name the full setting path
/// (<c>Board:Simulated:LineCount: must be between 1 and 32</c>) rather than the class and member.
/// </summary>
internal sealed class PathNamingValidator<T>(string sectionPath) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AnnotatedObjectWalker.Collect(options, sectionPath, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
