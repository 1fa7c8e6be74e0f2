using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Auth;

/// <summary>How the server challenges. Bound from the "Sip:Digest" section.</summary>
public sealed class DigestChallengerOptions : IValidatableObject
{
    public const string SectionName = "Sip:Digest";

    /// <summary>The protection space shown to phones (RFC 3261 §22.1: usually the host or domain name).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[^\"\\\\\\p{Cc}]{1,128}$", ErrorMessage = "Sip:Digest:Realm must be 1-128 characters without quotes, backslashes or control characters.")]
    public string Realm { get; set; } = "appliance";

    /// <summary>How long a nonce is accepted; an older one gets stale=true so the phone retries silently.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Algorithms offered, strongest first (RFC 8760 §2.4: one challenge per algorithm, in preference order).</summary>
    public IList<DigestAlgorithm> Algorithms { get; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Algorithms.Count == 0 || Algorithms.Distinct().Count() != Algorithms.Count)
        {
            yield return new ValidationResult($"{SectionName}:Algorithms must list at least one algorithm, each once.", [nameof(Algorithms)]);
        }
    }
}
