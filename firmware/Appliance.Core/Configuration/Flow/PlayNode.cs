namespace Appliance.Core.Configuration.Flow;

/// <summary>Plays a prompt, then goes on to <see cref="Next"/>.</summary>
public sealed record PlayNode : FlowNode
{
    /// <summary>The prompt's name (a WAV file in each language's prompt folder).</summary>
    public string Prompt { get; init; } = "";

    /// <summary>Whether a key pressed during the prompt cuts it short (the key is kept for the next node).</summary>
    public bool Interruptible { get; init; } = true;

    /// <summary>The node after the prompt.</summary>
    public string? Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<FlowExit> Exits() => [new("next", Next)];
}
