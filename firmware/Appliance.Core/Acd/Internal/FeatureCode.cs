namespace Appliance.Core.Acd.Internal;

/// <summary>
/// The agent feature codes keyed on a phone: *50 log in, *51 log out, *52 ready, *53 and a reason code (1–2 digits,
/// e.g. *531) not ready. Supervision codes (*6x) belong beside these when they come.
/// </summary>
internal static class FeatureCode
{
    /// <summary>The command a dialled string asks for, or null when it is no agent feature code.</summary>
    public static (AgentCommand Command, string? Reason)? Parse(string dialled) =>
        dialled switch
        {
            "*50" => (AgentCommand.LogIn, null),
            "*51" => (AgentCommand.LogOut, null),
            "*52" => (AgentCommand.Ready, null),
            ['*', '5', '3', .. var reason] when reason.Length is 1 or 2 && reason.All(char.IsAsciiDigit) => (AgentCommand.Pause, reason),
            _ => null,
        };
}
