namespace Appliance.Sync.Outbox;

/// <summary>How the box delivers its outbox to head office; bound from <see cref="SectionName"/>.</summary>
public sealed class OutboxPumpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sync:Outbox";

    /// <summary>Head office's sync service, e.g. https://ho.example.bank:8443/. Empty: records stay queued, nothing is sent.</summary>
    public string HeadOfficeAddress { get; set; } = string.Empty;

    /// <summary>
    /// The SHA-256 fingerprint (64 hex digits) of head office's TLS certificate, printed by <c>headoffice serve</c>. When set,
    /// the box trusts that certificate only (a head office with its own, self-signed certificate); when empty, an
    /// https:// head office must present a certificate the system trusts.
    /// </summary>
    public string HeadOfficeCertificateSha256 { get; set; } = string.Empty;

    /// <summary>This branch's id as enrolled at head office (letters, digits, '.', '_', '-').</summary>
    public string BranchId { get; set; } = string.Empty;

    /// <summary>The branch key issued at enrolment, sent as <c>x-branch-key</c>. No default: required when a head office is set.</summary>
    public string BranchKey { get; set; } = string.Empty;

    /// <summary>Most records per push.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a partly filled batch may wait for more records before it is sent anyway.</summary>
    public double MaxBatchDelaySeconds { get; set; } = 1;

    /// <summary>How often an empty outbox is checked for new records.</summary>
    public double PollIntervalSeconds { get; set; } = 1;

    /// <summary>First retry delay after a failed push; doubles per failure up to <see cref="MaxBackoffSeconds"/>.</summary>
    public double InitialBackoffSeconds { get; set; } = 1;

    /// <summary>Longest retry delay while head office is unreachable or refusing.</summary>
    public double MaxBackoffSeconds { get; set; } = 300;

    /// <summary>Deadline of one push.</summary>
    public double PushTimeoutSeconds { get; set; } = 30;
}
