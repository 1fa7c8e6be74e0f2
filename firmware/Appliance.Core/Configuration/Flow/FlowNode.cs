using System.Text.Json.Serialization;

namespace Appliance.Core.Configuration.Flow;

/// <summary>
/// One step of a voice menu. In the document each node is an object whose "type" names its kind. A node leads on to
/// other nodes of the same menu by id (<see cref="Exits"/>); queue, goto and hangup nodes end the menu.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlayNode), "play")]
[JsonDerivedType(typeof(MenuNode), "menu")]
[JsonDerivedType(typeof(CollectNode), "collect")]
[JsonDerivedType(typeof(LanguageNode), "language")]
[JsonDerivedType(typeof(SetNode), "set")]
[JsonDerivedType(typeof(ConditionNode), "condition")]
[JsonDerivedType(typeof(QueueNode), "queue")]
[JsonDerivedType(typeof(GotoNode), "goto")]
[JsonDerivedType(typeof(HangupNode), "hangup")]
[JsonDerivedType(typeof(IdentifyNode), "identify")]
[JsonDerivedType(typeof(BalanceNode), "balance")]
[JsonDerivedType(typeof(CardLossNode), "cardLoss")]
[JsonDerivedType(typeof(BillStatusNode), "billStatus")]
public abstract record FlowNode
{
    /// <summary>The node's id, unique within its menu.</summary>
    public string Id { get; init; } = "";

    /// <summary>The nodes this one can lead to, each with what leads there ("next", "key 1", "failure"…).</summary>
    public abstract IEnumerable<FlowExit> Exits();
}
