using Appliance.Sip.Messages;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;

namespace Appliance.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    [Fact]
    public void Lost_200_OK_is_retransmitted_until_the_client_gets_it_and_ACKs()
    {
        using var bed = new TransactionTestBed();
        var responses = new List<int>();
        var transaction = bed.Client.SendRequest(TestRequests.Create("INVITE"), bed.ServerTransport.LocalEndPoint);
        transaction.ResponseReceived += r => responses.Add(r.StatusCode);
        bed.Network.Deliver();
        var server = Assert.IsType<ServerInviteTransaction>(Assert.Single(bed.ServerTransactions));
        var acked = false;
        server.AckReceived += _ => acked = true;

        var okToDrop = 2;
        bed.Network.Drop = m => m is SipResponse { StatusCode: 200 } && okToDrop-- > 0;
        var ok = SipResponse.CreateFor(server.Request, 200, "OK", "uas1");
        server.SendResponse(ok);
        bed.Run(TimeSpan.FromMilliseconds(400));
        Assert.Equal([100], responses);

        bed.Run(TimeSpan.FromSeconds(1.2));    // retransmissions at T1 (lost) and 3*T1 (arrives)
        Assert.Equal([100, 200], responses);
        Assert.Equal(3, bed.SentCount(m => m is SipResponse { StatusCode: 200 }));

        // The dialog ACKs the 2xx with a new branch; the server matches it by Call-ID, From tag and CSeq.
        var ack = TestRequests.Create("ACK", branch: "z9hG4bKack2");
        ack.Headers.Set("To", ok.Headers["To"]!);
        bed.ClientTransport.Send(ack, bed.ServerTransport.LocalEndPoint);
        bed.Run(TimeSpan.FromSeconds(10));

        Assert.True(acked);
        Assert.Equal(SipTransactionState.Terminated, server.State);
        Assert.Equal(3, bed.SentCount(m => m is SipResponse { StatusCode: 200 }));
    }

    [Fact]
    public void Lost_ACK_for_error_response_is_covered_by_timer_G_until_timer_H_gives_up()
    {
        using var bed = new TransactionTestBed();
        bed.Client.SendRequest(TestRequests.Create("INVITE"), bed.ServerTransport.LocalEndPoint);
        bed.Network.Deliver();
        var server = Assert.IsType<ServerInviteTransaction>(Assert.Single(bed.ServerTransactions));
        var timedOut = false;
        server.TimedOut += _ => timedOut = true;
        bed.Network.Drop = m => m is SipRequest { Method: "ACK" };

        server.SendResponse(SipResponse.CreateFor(server.Request, 480, "Temporarily Unavailable", "uas1"));
        bed.Run(TimeSpan.FromSeconds(31.9));
        Assert.False(timedOut);
        // 480 at 0, then G at 0.5, 1.5, 3.5, 7.5, 11.5 ... 31.5 (interval capped at T2 = 4 s).
        Assert.Equal(11, bed.SentCount(m => m is SipResponse { StatusCode: 480 }));
        bed.Run(TimeSpan.FromMilliseconds(200));
        Assert.True(timedOut);
        Assert.Equal(0, bed.Server.ActiveTransactionCount);
    }

    [Fact]
    public void Retransmitted_INVITE_gets_the_last_provisional_again_and_creates_no_second_transaction()
    {
        using var bed = new TransactionTestBed();
        bed.Network.Drop = m => m is SipResponse { StatusCode: 100 };
        bed.Client.SendRequest(TestRequests.Create("INVITE"), bed.ServerTransport.LocalEndPoint);
        bed.Run(TimeSpan.FromSeconds(2));   // client resends at 0.5 and 1.5 s

        Assert.Single(bed.ServerTransactions);
        Assert.Equal(3, bed.SentCount(m => m is SipResponse { StatusCode: 100 }));
    }

    [Fact]
    public void Non_INVITE_server_resends_its_final_response_and_timer_J_ends_it()
    {
        using var bed = new TransactionTestBed();
        var drops = 1;
        bed.Network.Drop = m => m is SipResponse && drops-- > 0;
        bed.Client.SendRequest(TestRequests.Create("OPTIONS"), bed.ServerTransport.LocalEndPoint);
        bed.Network.Deliver();
        var server = Assert.IsType<ServerNonInviteTransaction>(Assert.Single(bed.ServerTransactions));
        server.SendResponse(SipResponse.CreateFor(server.Request, 200, "OK", "x"));
        bed.Run(TimeSpan.FromSeconds(1));

        Assert.Equal(2, bed.SentCount(m => m is SipResponse));
        Assert.Equal(SipTransactionState.Completed, server.State);
        bed.Run(TimeSpan.FromSeconds(32));
        Assert.Equal(SipTransactionState.Terminated, server.State);
        Assert.Equal(0, bed.Client.ActiveTransactionCount + bed.Server.ActiveTransactionCount);
    }

    [Fact]
    public void Bad_timer_options_name_the_setting()
    {
        var options = new SipTimerOptions { T1 = TimeSpan.FromSeconds(5), T2 = TimeSpan.FromSeconds(1) };
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true);
        Assert.False(valid);
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Sip:Timers:T2", StringComparison.Ordinal));
    }
}
