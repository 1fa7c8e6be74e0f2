using Appliance.Core.Journal;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>Plays composed prompts in order, logging their names first so what the caller heard can be checked.</summary>
internal static class SaidPrompts
{
    public static async Task PlayAsync(FlowRunner runner, CallSession call, string menu, string node, List<string> prompts)
    {
        call.Log(CallEventKinds.SelfServiceSaid, data: [("menu", menu), ("node", node), ("prompts", string.Join(' ', prompts))]);
        foreach (var prompt in prompts)
        {
            await runner.PlayAsync(call, prompt, stopOnDigit: false);
        }
    }
}
