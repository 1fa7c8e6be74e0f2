namespace Appliance.Host.Cli;

/// <summary>The process exit codes of the <c>appliance</c> verbs, for scripts and systemd.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Nothing running to ask, another appliance already running, a start failure, a simulated call that failed.</summary>
    public const int Failure = 1;

    /// <summary>A setting, the config file or a <c>--set</c> is invalid; nothing was started.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>The database was refused (corrupt, foreign, newer schema) or a migration failed, by `db migrate` or at start.</summary>
    public const int StorageFailure = 3;

    /// <summary>The appliance refused the request (HTTP 400), e.g. a line out of range.</summary>
    public const int RequestRefused = 4;

    /// <summary>The appliance did not answer in time.</summary>
    public const int TimedOut = 5;
}
