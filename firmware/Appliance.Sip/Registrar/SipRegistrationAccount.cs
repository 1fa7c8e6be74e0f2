using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Registrar;

/// <summary>
/// One account at a SIP provider that only sends calls to a box registered with it (RFC 3261 §10.2). One entry of the
/// "Sip:Trunks:Registrations" list. There is no default password: an account without one does not validate.
/// </summary>
public sealed partial class SipRegistrationAccount : IValidatableObject
{
    /// <summary>The configuration section holding the list of accounts.</summary>
    public const string SectionName = "Sip:Trunks:Registrations";

    /// <summary>The longest expiry asked for or believed from a registrar: one day.</summary>
    public const int MaxExpiresSeconds = 86_400;

    /// <summary>Names the account in logs and errors, e.g. "provider-a".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The registrar's URI, e.g. "sip:sip.provider.net" or "sip:203.0.113.5:5070": the REGISTER's Request-URI.</summary>
    public string Registrar { get; set; } = string.Empty;

    /// <summary>Where to send the REGISTERs when not to the registrar's own host and port, e.g. "sip:sbc.provider.net:5060".</summary>
    public string? OutboundProxy { get; set; }

    /// <summary>The user part of the address of record (sip:User@Domain), often the trunk's phone number.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>The domain of the address of record; the registrar's host when empty.</summary>
    public string? Domain { get; set; }

    /// <summary>The digest user name, when the provider's differs from <see cref="User"/>.</summary>
    public string? AuthUser { get; set; }

    /// <summary>The digest password. Required; never logged.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>The registration lifetime asked for; the registrar may grant less, or demand more with 423.</summary>
    public int ExpiresSeconds { get; set; } = 3_600;

    /// <summary>The Contact URI to register; "sip:User@advertised-address:port" when empty.</summary>
    public string? Contact { get; set; }

    /// <summary>First wait after a timeout, network error or 5xx; it doubles per consecutive failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after the registrar refuses the account (wrong password, 403, 404); it doubles too.</summary>
    public TimeSpan RejectedRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The cap on every retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The digest user name actually used.</summary>
    public string EffectiveAuthUser => string.IsNullOrEmpty(AuthUser) ? User : AuthUser;

    /// <summary>The address of record, e.g. "sip:4930123456@sip.provider.net" (valid only when the account validates).</summary>
    public string AddressOfRecord => $"sip:{User}@{(string.IsNullOrEmpty(Domain) ? SipUri.Parse(Registrar).Host : Domain)}";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var prefix = $"{SectionName} (account '{Name}'):";
        if (!NamePattern().IsMatch(Name))
        {
            yield return Problem($"{prefix}Name must be 1-64 letters, digits, '.', '_' or '-'.", nameof(Name));
        }

        if (!IsServerUri(Registrar))
        {
            yield return Problem($"{prefix}Registrar '{Registrar}' must be a sip: URI without a user part, e.g. sip:sip.provider.net.", nameof(Registrar));
        }

        if (!string.IsNullOrEmpty(OutboundProxy) && !IsServerUri(OutboundProxy))
        {
            yield return Problem($"{prefix}OutboundProxy '{OutboundProxy}' must be a sip: URI without a user part.", nameof(OutboundProxy));
        }

        if (!IsUserPart(User))
        {
            yield return Problem($"{prefix}User '{User}' is not a valid SIP user part.", nameof(User));
        }

        if (!string.IsNullOrEmpty(Domain) && !(SipUri.TryParse("sip:" + Domain, out var domain) && domain!.Port is null && domain.Host == Domain))
        {
            yield return Problem($"{prefix}Domain '{Domain}' must be a host name or address without a port.", nameof(Domain));
        }

        if (AuthUser is not null && (AuthUser.Length is 0 or > 128 || AuthUser.Any(char.IsControl)))
        {
            yield return Problem($"{prefix}AuthUser must be 1-128 characters without control characters.", nameof(AuthUser));
        }

        if (Password.Length is 0 or > 256)
        {
            yield return Problem($"{prefix}Password is required (1-256 characters); there is no default.", nameof(Password));
        }

        if (ExpiresSeconds is < 10 or > MaxExpiresSeconds)
        {
            yield return Problem($"{prefix}ExpiresSeconds must lie between 10 and {MaxExpiresSeconds}.", nameof(ExpiresSeconds));
        }

        if (!string.IsNullOrEmpty(Contact) && !(SipUri.TryParse(Contact, out var contact) && contact!.Scheme == "sip"))
        {
            yield return Problem($"{prefix}Contact '{Contact}' must be a sip: URI.", nameof(Contact));
        }

        foreach (var problem in ValidateDelays(prefix))
        {
            yield return problem;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every setting that is wrong.</summary>
    public void EnsureValid()
    {
        var problems = Validate(new ValidationContext(this)).Select(p => p.ErrorMessage).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), "account");
        }
    }

    private IEnumerable<ValidationResult> ValidateDelays(string prefix)
    {
        var second = TimeSpan.FromSeconds(1);
        var day = TimeSpan.FromDays(1);
        if (RetryDelay < second || RetryDelay > TimeSpan.FromHours(1))
        {
            yield return Problem($"{prefix}RetryDelay must lie between 00:00:01 and 01:00:00.", nameof(RetryDelay));
        }

        if (RejectedRetryDelay < second || RejectedRetryDelay > day)
        {
            yield return Problem($"{prefix}RejectedRetryDelay must lie between 00:00:01 and 1.00:00:00.", nameof(RejectedRetryDelay));
        }

        if (MaxRetryDelay < RetryDelay || MaxRetryDelay > day)
        {
            yield return Problem($"{prefix}MaxRetryDelay must be at least RetryDelay and at most 1.00:00:00.", nameof(MaxRetryDelay));
        }
    }

    private static bool IsServerUri(string? text) =>
        SipUri.TryParse(text, out var uri) && uri!.Scheme == "sip" && uri.User is null && uri.Host.Length > 0;

    private static bool IsUserPart(string user) =>
        user.Length is > 0 and <= 128 && SipUri.TryParse($"sip:{user}@host.invalid", out var uri) && uri!.User == user && uri.Password is null;

    private static ValidationResult Problem(string message, string member) => new(message, [member]);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
