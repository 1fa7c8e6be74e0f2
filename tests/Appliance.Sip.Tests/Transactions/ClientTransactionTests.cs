using Appliance.Sip.Messages;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;

namespace Appliance.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void Unanswered_INVITE_is_retransmitted_by_timer_A_doubling_and_times_out_by_timer_B()
    {
        using var bed = new TransactionTestBed();
        bed.Network.Drop = m => m is SipRequest;
        var timedOut = false;
        var transaction = bed.Client.SendRequest(TestRequests.Create("INVITE"), bed.ServerTransport.LocalEndPoint);
        transaction.TimedOut += _ => timedOut = true;

        bed.Time.Advance(T1 * 0.9);
        Assert.Equal(1, bed.SentCount(m => m is SipRequest));
        bed.Time.Advance(T1 * 0.2);          // 0.55 s: first retransmission at T1
        Assert.Equal(2, bed.SentCount(m => m is SipRequest));
        bed.Time.Advance(T1 * 2);            // 1.55 s: second at 3*T1
        Assert.Equal(3, bed.SentCount(m => m is SipRequest));

        bed.Time.Advance(TimeSpan.FromSeconds(32) - (T1 * 3.1));
        // Sends at 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s; Timer B fires at 64*T1 = 32 s.
        Assert.Equal(7, bed.SentCount(m => m is SipRequest));
        Assert.True(timedOut);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(0, bed.Client.ActiveTransactionCount);
    }

    [Fact]
    public void Provisional_response_stops_INVITE_retransmissions()
    {
        using var bed = new TransactionTestBed();
        var responses = new List<int>();
        var transaction = bed.Client.SendRequest(TestRequests.Create("INVITE"), bed.ServerTransport.LocalEndPoint);
        transaction.ResponseReceived += r => responses.Add(r.StatusCode);

        bed.Run(TimeSpan.FromSeconds(10));

        Assert.Equal([100], responses);
        Assert.Equal(SipTransactionState.Proceeding, transaction.State);
        Assert.Equal(1, bed.SentCount(m => m is SipRequest { Method: "INVITE" }));
    }

    [Fact]
    public void Error_response_is_acknowledged_with_the_same_branch_and_a_retransmission_is_acknowledged_again()
    {
        using var bed = new TransactionTestBed();
        var responses = new List<int>();
        var transaction = bed.Client.SendRequest(TestRequests.Create("INVITE"), bed.ServerTransport.LocalEndPoint);
        transaction.ResponseReceived += r => responses.Add(r.StatusCode);
        bed.Network.Deliver();
        var server = Assert.IsType<ServerInviteTransaction>(Assert.Single(bed.ServerTransactions));

        // The first ACK is lost: the server's Timer G resends 486 and the client answers it with another ACK.
        var acksToDrop = 1;
        bed.Network.Drop = m => m is SipRequest { Method: "ACK" } && acksToDrop-- > 0;
        server.SendResponse(SipResponse.CreateFor(server.Request, 486, "Busy Here", "uas1"));
        bed.Run(TimeSpan.FromSeconds(1));

        Assert.Equal([100, 486], responses);
        var acks = bed.Network.Sent.Where(s => s.Message is SipRequest { Method: "ACK" }).Select(s => (SipRequest)s.Message).ToList();
        Assert.Equal(2, acks.Count);
        Assert.All(acks, ack => Assert.Equal("z9hG4bKtest1", ack.TopVia.Branch));
        Assert.All(acks, ack => Assert.Equal("uas1", ack.To.Tag));
        Assert.Equal(SipTransactionState.Confirmed, server.State);
        Assert.Equal(SipTransactionState.Completed, transaction.State);

        bed.Run(TimeSpan.FromSeconds(32));   // Timer D
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(SipTransactionState.Terminated, server.State);
    }

    [Fact]
    public void Non_INVITE_retransmissions_double_up_to_T2_and_timer_F_times_out()
    {
        using var bed = new TransactionTestBed();
        bed.Network.Drop = _ => true;
        var timedOut = false;
        var transaction = bed.Client.SendRequest(TestRequests.Create("OPTIONS"), bed.ServerTransport.LocalEndPoint);
        transaction.TimedOut += _ => timedOut = true;

        bed.Time.Advance(TimeSpan.FromSeconds(31.9));
        // 0, 0.5, 1.5, 3.5, 7.5, then every T2 = 4 s: 11.5 ... 31.5.
        Assert.Equal(11, bed.SentCount(_ => true));
        Assert.False(timedOut);
        bed.Time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(timedOut);
    }

    [Fact]
    public void Reliable_transport_sends_once_and_final_response_ends_the_transaction()
    {
        using var bed = new TransactionTestBed(reliable: true);
        var transaction = bed.Client.SendRequest(TestRequests.Create("OPTIONS"), bed.ServerTransport.LocalEndPoint);
        bed.Run(TimeSpan.FromSeconds(5));
        var server = Assert.Single(bed.ServerTransactions);
        server.SendResponse(SipResponse.CreateFor(server.Request, 200, "OK", "t"));
        bed.Run(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, bed.SentCount(m => m is SipRequest));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(SipTransactionState.Terminated, server.State);
    }
}
