namespace Appliance.Core.Directory;

/// <summary>What a menu key does.</summary>
public enum MenuActionKind
{
    /// <summary>Put the caller in a queue.</summary>
    Queue,

    /// <summary>Go to another menu.</summary>
    Menu,

    /// <summary>Say goodbye and hang up.</summary>
    Hangup,

    /// <summary>Play the menu again.</summary>
    Repeat,
}
