using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Tests.Transactions;
using Appliance.Sip.Transport.Internal;
using Appliance.Sip.Validation;

namespace Appliance.Sip.Tests.Mutation;

public sealed class SipMutationTests
{
    private const int MessageCount = 100_000;

    [Fact]
    public void Hundred_thousand_mutated_messages_never_throw_nor_does_answering_them_and_a_normal_call_still_works_afterwards()
    {
        var parser = new SipMessageParser();
        var policy = new SipRequestPolicy();
        var folder = Path.Combine(AppContext.BaseDirectory, "Torture", "Data");
        var seeds = Directory.GetFiles(folder, "*.sip").Select(File.ReadAllBytes)
            .Append(SipMessageWriter.ToBytes(TestRequests.Create("INVITE")))
            .ToArray();
        var mutator = new SipMutator(seed: 4475);
        using var bed = new TransactionTestBed();
        bed.Server.RequestReceived += t =>
        {
            if (t.Request.Method != SipMethods.Ack)
            {
                t.SendResponse(SipResponse.CreateFor(t.Request, 486, "Busy Here", "fuzz"));
            }
        };
        var source = new IPEndPoint(IPAddress.Loopback, 5999);
        var accepted = 0;
        var refused = 0;
        var answered = 0;

        for (var i = 0; i < MessageCount; i++)
        {
            var mutated = mutator.Mutate(seeds[i % seeds.Length]);
            var result = parser.ParseDatagram(mutated);
            if (!result.Success)
            {
                refused++;
                Assert.InRange(result.StatusCode, 400, 599);
                if (MalformedRequestResponder.TryBuild(result, mutated, source, reliable: false) is { } reply)
                {
                    answered++;
                    Assert.NotNull(reply.Route.Destination ?? (object?)reply.Route.Refusal);
                    _ = SipMessageWriter.ToBytes(reply.Response);
                }

                continue;
            }

            accepted++;
            var message = result.Message!;
            _ = SipMessageWriter.ToBytes(message);
            if (message is SipRequest request)
            {
                policy.Check(request);
            }

            bed.Server.HandleMessage(message, source);
        }

        Assert.True(refused > MessageCount / 4, $"only {refused} refused");
        Assert.True(accepted > MessageCount / 20, $"only {accepted} accepted");
        Assert.True(answered > refused / 4, $"only {answered} of {refused} refused requests got an error reply");

        // The stack keeps serving: a fresh OPTIONS still completes end to end.
        var responses = new List<int>();
        var transaction = bed.Client.SendRequest(TestRequests.Create("OPTIONS", branch: "z9hG4bKafterfuzz", callId: "after-fuzz"), bed.ServerTransport.LocalEndPoint);
        transaction.ResponseReceived += r => responses.Add(r.StatusCode);
        bed.Run(TimeSpan.FromSeconds(1));
        Assert.Equal([486], responses);
    }
}
