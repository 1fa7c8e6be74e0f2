namespace Appliance.Sip.Registrar;

/// <summary>Where an outbound registration to a trunk's registrar stands.</summary>
public enum SipRegistrationState
{
    /// <summary>Not started, or stopped (and un-registered when it had been registered).</summary>
    Unregistered,

    /// <summary>A REGISTER is on its way and there is no live binding at the registrar yet.</summary>
    Registering,

    /// <summary>The registrar holds our binding until <see cref="SipRegistrationClient.ExpiresAt"/>; refreshes keep it alive.</summary>
    Registered,

    /// <summary>No live binding and the last attempt failed; another is scheduled for <see cref="SipRegistrationClient.NextAttemptAt"/>.</summary>
    Failed,
}
