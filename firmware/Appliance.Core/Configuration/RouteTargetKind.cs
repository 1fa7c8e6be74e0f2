namespace Appliance.Core.Configuration;

/// <summary>What a <see cref="RouteTarget"/> leads to.</summary>
public enum RouteTargetKind
{
    /// <summary>Another queue.</summary>
    Queue,

    /// <summary>A voice menu (a message, voicemail, other choices).</summary>
    Menu,

    /// <summary>End the call.</summary>
    Hangup,
}
