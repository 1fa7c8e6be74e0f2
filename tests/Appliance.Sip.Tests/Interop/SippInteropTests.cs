using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Appliance.Sip.Messages;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Interop;

/// <summary>Our UDP transport and transaction layer against SIPp's built-in UAS scenario (INVITE, 180, 200, ACK, BYE, 200).</summary>
public sealed class SippInteropTests
{
    private const int Calls = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [SippFact]
    public async Task SIPp_uas_answers_five_calls_placed_by_our_client_transactions()
    {
        var sippPort = FreePort.Udp();
        using var sipp = StartSipp(sippPort);
        await using var transport = LoopbackTransports.Udp();
        using var layer = new SipTransactionLayer(transport, Options.Create(new SipTimerOptions()), TimeProvider.System, NullLogger<SipTransactionLayer>.Instance);
        transport.Start();
        var sippEndPoint = new IPEndPoint(IPAddress.Loopback, sippPort);

        try
        {
            for (var call = 0; call < Calls; call++)
            {
                await PlaceCallAsync(layer, transport, sippEndPoint, call);
            }

            Assert.True(await WaitForExitAsync(sipp), "SIPp did not finish its 5 calls in time");
            Assert.Equal(0, sipp.ExitCode);
        }
        finally
        {
            if (!sipp.HasExited)
            {
                sipp.Kill();
            }
        }
    }

    private static async Task PlaceCallAsync(SipTransactionLayer layer, Appliance.Sip.Transport.UdpSipTransport transport, IPEndPoint sipp, int call)
    {
        var local = transport.LocalEndPoint;
        var callId = $"sipp-interop-{call}-{Guid.NewGuid():N}";
        var invite = NewRequest("INVITE", sipp, local, callId, 1, toTag: null);
        var inviteResponses = Channel.CreateUnbounded<SipResponse>();
        layer.SendRequest(invite, sipp).ResponseReceived += r => inviteResponses.Writer.TryWrite(r);

        SipResponse final;
        do
        {
            final = await inviteResponses.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        }
        while (final.IsProvisional);

        Assert.Equal(200, final.StatusCode);
        var toTag = final.To.Tag;
        Assert.False(string.IsNullOrEmpty(toTag));

        // The ACK for a 2xx is the dialog's job, sent directly (§13.2.2.4), with a new branch.
        transport.Send(NewRequest("ACK", sipp, local, callId, 1, toTag), sipp);

        var byeResponses = Channel.CreateUnbounded<SipResponse>();
        layer.SendRequest(NewRequest("BYE", sipp, local, callId, 2, toTag), sipp).ResponseReceived += r => byeResponses.Writer.TryWrite(r);
        var byeAnswer = await byeResponses.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(200, byeAnswer.StatusCode);
    }

    private static SipRequest NewRequest(string method, IPEndPoint remote, IPEndPoint local, string callId, int cseq, string? toTag)
    {
        var request = new SipRequest(method, SipUri.Parse($"sip:service@{remote}"));
        request.Headers.Add("Via", $"SIP/2.0/UDP {local};branch={ViaHeader.MagicCookie}{Guid.NewGuid():N}");
        request.Headers.Add("Max-Forwards", "70");
        request.Headers.Add("From", $"<sip:tester@{local}>;tag=ours{cseq.ToString(CultureInfo.InvariantCulture)}x");
        request.Headers.Add("To", toTag is null ? $"<sip:service@{remote}>" : $"<sip:service@{remote}>;tag={toTag}");
        request.Headers.Add("Call-ID", callId);
        request.Headers.Add("CSeq", $"{cseq.ToString(CultureInfo.InvariantCulture)} {method}");
        request.Headers.Add("Contact", $"<sip:tester@{local}>");
        return request;
    }

    private static Process StartSipp(int port)
    {
        var info = new ProcessStartInfo(SippFactAttribute.SippPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-sn", "uas", "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-m", Calls.ToString(CultureInfo.InvariantCulture),
                     "-mp", FreePort.Udp().ToString(CultureInfo.InvariantCulture), "-cp", FreePort.Udp().ToString(CultureInfo.InvariantCulture),
                     "-timeout", "60s", "-timeout_error", "-nostdin", "-nd",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("SIPp did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitForExitAsync(Process process)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
