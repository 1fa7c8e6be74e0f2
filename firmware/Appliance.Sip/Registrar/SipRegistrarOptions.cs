using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Registrar;

/// <summary>How long registrations may last and how many phones one user may register. Section "Sip:Registrar".</summary>
public sealed class SipRegistrarOptions : IValidatableObject
{
    public const string SectionName = "Sip:Registrar";

    /// <summary>Shorter requested expiries get 423 Interval Too Brief (RFC 3261 §10.3 step 7).</summary>
    [Range(1, 86_400)]
    public int MinExpiresSeconds { get; set; } = 60;

    /// <summary>Longer requested expiries are shortened to this.</summary>
    [Range(1, 86_400)]
    public int MaxExpiresSeconds { get; set; } = 3_600;

    /// <summary>Used when the request names no expiry.</summary>
    [Range(1, 86_400)]
    public int DefaultExpiresSeconds { get; set; } = 3_600;

    /// <summary>Contacts kept per user; registering one more drops the one that expires first.</summary>
    [Range(1, 50)]
    public int MaxContactsPerUser { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxExpiresSeconds < MinExpiresSeconds)
        {
            yield return new ValidationResult($"{SectionName}:MaxExpiresSeconds must not be below MinExpiresSeconds.", [nameof(MaxExpiresSeconds)]);
        }

        if (DefaultExpiresSeconds < MinExpiresSeconds || DefaultExpiresSeconds > MaxExpiresSeconds)
        {
            yield return new ValidationResult($"{SectionName}:DefaultExpiresSeconds must lie between MinExpiresSeconds and MaxExpiresSeconds.", [nameof(DefaultExpiresSeconds)]);
        }
    }
}
