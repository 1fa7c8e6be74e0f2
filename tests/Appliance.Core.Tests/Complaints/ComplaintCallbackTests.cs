using Appliance.Core.Acd;
using Appliance.Core.Complaints;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Appliance.Core.Tests.Callbacks.CallbackFlowTests;
using static Appliance.Core.Tests.Complaints.ComplaintHarness;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Complaints;

/// <summary>A resolved complaint queues a callback to the customer through the ACD's callbacks, on the manual clock.</summary>
public sealed class ComplaintCallbackTests : IDisposable
{
    private readonly ComplaintHarness _h = new();
    private readonly AcdScenario _scenario = new([Queue()], [Agent("1001", talkSeconds: 5)]);

    public void Dispose()
    {
        _scenario.Dispose();
        _h.Dispose();
    }

    [Fact]
    public void Resolving_a_complaint_queues_a_callback_that_an_agent_makes_to_the_customers_number()
    {
        var service = Service(callbackQueue: "general");
        var ticket = service.Create(Complaint(customer: "13900000077"));
        ticket = service.Update(new ComplaintChange(ticket.Id, ticket.Revision, "1001", ComplaintStatuses.Dispatched));
        _scenario.Run(TimeSpan.FromSeconds(1));
        Assert.Empty(_scenario.Harness.Phones.Dialed); // nothing before the resolve

        service.Update(new ComplaintChange(ticket.Id, ticket.Revision, "cards", ComplaintStatuses.Resolved));

        var queued = Assert.Single(_h.Journal.Events, e => e.Kind == CallEventKinds.TicketCallbackQueued);
        Assert.DoesNotContain("13900000077", queued.Data, StringComparison.Ordinal); // the number is never in events
        // The callback writes to the journal it was queued with (the host gives the one every call writes to).
        IEnumerable<CallEvent> Connected() => _h.Journal.Events.Where(e => e.Kind == CallEventKinds.CallbackConnected);
        Assert.True(_scenario.Time.AdvanceUntil(() => Connected().Any(), TimeSpan.FromSeconds(60)),
            "the complaint's callback was not connected");
        Assert.Equal("13900000077", Assert.Single(_scenario.Harness.Phones.Dialed).Endpoint);
        Assert.Equal("1001", Connected().Single().Agent);
    }

    [Fact]
    public void Without_a_callback_queue_resolving_queues_nothing()
    {
        var service = Service(callbackQueue: "");
        var ticket = service.Create(Complaint());

        service.Update(new ComplaintChange(ticket.Id, ticket.Revision, "1001", ComplaintStatuses.Resolved));
        _scenario.Run(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(_h.Journal.Events, e => e.Kind == CallEventKinds.TicketCallbackQueued);
        Assert.Empty(_scenario.Harness.Phones.Dialed);
    }

    private ComplaintService Service(string callbackQueue)
    {
        var options = Options.Create(new ComplaintsOptions { CallbackQueue = callbackQueue });
        var callbacks = new AcdComplaintCallbacks(_scenario.Harness.Clock, _scenario.Harness.Acd, _h.Journal, options,
            NullLogger<AcdComplaintCallbacks>.Instance);
        return new ComplaintService(_h.Repository, options, _h.Journal, _h.Time, NullLogger<ComplaintService>.Instance, "b01", callbacks);
    }
}
