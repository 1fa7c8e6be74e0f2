using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;

namespace Appliance.Core.Tests;

/// <summary>When the box stops, calls in progress are hung up and still recorded; the clock waits for their flows.</summary>
public sealed class StoppingTests
{
    [Fact]
    public async Task Hanging_up_everything_ends_every_flow_with_its_record()
    {
        var agent = new AgentDefinition("1001", "Li Wei", "sim:1001;answer=1000;tone=1400");
        using var harness = new CallCenterHarness(new InMemoryDirectory().WithQueue(TimeSpan.FromMinutes(10), TimeSpan.Zero, agent));
        var talking = harness.Call();
        talking.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        harness.Call(); // still in the menu
        Assert.Equal(2, harness.Clock.OwnedFlowCount);

        harness.Clock.Post(harness.CallCenter.HangUpAll);
        harness.WaitForFinished(2);
        await harness.Clock.WhenFlowsFinished().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, harness.Clock.OwnedFlowCount);
        Assert.Equal([CallOutcome.AnsweredByAgent, CallOutcome.EndedInMenu], harness.Finished.Select(f => f.Detail.Outcome).Order());
        Assert.All(harness.Finished, f => Assert.Equal("local", f.Detail.HangupCause));
    }
}
