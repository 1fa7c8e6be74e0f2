namespace Appliance.HeadOffice.Cli;

/// <summary>What the <c>headoffice</c> process returns.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work could not be done: database or branch unreachable, call refused, registry conflict.</summary>
    public const int Failed = 1;

    /// <summary>The command line or a setting is wrong; the message names it.</summary>
    public const int BadUsage = 2;
}
