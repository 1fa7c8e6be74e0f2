using System.Diagnostics;
using System.Globalization;
using Appliance.Sip.Registrar;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Interop;

/// <summary>
/// SIPp plays a provider's registrar: it challenges our first REGISTER, checks our digest answer with its own
/// <c>verifyauth</c>, grants 120 s through the Expires header, and then expects our un-REGISTER (Expires: 0).
/// </summary>
public sealed class SippRegistrarInteropTests : IDisposable
{
    private const string User = "trunk-user";
    private const string Password = "s3cret-pw";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("sipp-registrar-").FullName;

    [SippFact]
    public async Task Our_client_registers_with_SIPp_after_its_digest_challenge_and_unregisters_on_stop()
    {
        var sippPort = FreePort.Udp();
        var scenario = Path.Combine(_directory, "registrar.xml");
        await File.WriteAllTextAsync(scenario, Scenario);
        using var sipp = StartSipp(scenario, sippPort);
        try
        {
            await WaitUntilBoundAsync(sippPort, sipp);
            var time = new ManualTimeProvider();
            await using var transport = LoopbackTransports.Udp();
            using var layer = new SipTransactionLayer(transport, Options.Create(new SipTimerOptions()), time, NullLogger<SipTransactionLayer>.Instance);
            transport.Start();
            var account = new SipRegistrationAccount
            {
                Name = "sipp",
                Registrar = $"sip:127.0.0.1:{sippPort.ToString(CultureInfo.InvariantCulture)}",
                User = User,
                Password = Password,
                ExpiresSeconds = 600,
            };
            using var client = new SipRegistrationClient(account, layer, transport, transport.LocalEndPoint, time, NullLogger<SipRegistrationClient>.Instance);
            var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.StateChanged += (_, state) =>
            {
                if (state is SipRegistrationState.Registered or SipRegistrationState.Failed)
                {
                    registered.TrySetResult();
                }
            };

            client.Start();
            await registered.Task.WaitAsync(Patience);
            Assert.True(client.State == SipRegistrationState.Registered, $"not registered: {client.LastError}; {Errors()}");
            Assert.Equal(time.GetUtcNow().AddSeconds(120), client.ExpiresAt);

            await client.StopAsync().WaitAsync(Patience);
            Assert.Equal(SipRegistrationState.Unregistered, client.State);
            Assert.Null(client.LastError);

            await sipp.WaitForExitAsync().WaitAsync(Patience);
            Assert.True(sipp.ExitCode == 0, $"SIPp exited with {sipp.ExitCode}: {Errors()}");
        }
        finally
        {
            if (!sipp.HasExited)
            {
                sipp.Kill();
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The 200 names no Contact, so the granted time can only come from its Expires header. A failed verifyauth gets a
    // 403 and then waits for a request that never comes, which fails the call and SIPp's exit code.
    private static readonly string Scenario = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="provider registrar with digest">
          <recv request="REGISTER" />
        {{Reply("401 Unauthorized", $"WWW-Authenticate: Digest realm=\"sipp.test\", nonce=\"[pid]nonce[call_number]\", algorithm=MD5, qop=\"auth\"\n")}}
          <recv request="REGISTER">
            <action>
              <verifyauth assign_to="authvalid" username="{{User}}" password="{{Password}}" />
            </action>
          </recv>
          <nop hide="true" test="authvalid" next="granted" />
        {{Reply("403 Forbidden", next: "refused")}}
          <label id="granted" />
        {{Reply("200 OK", "Expires: 120\n")}}
          <recv request="REGISTER">
            <action>
              <ereg regexp="Expires: 0" search_in="msg" check_it="true" assign_to="unregistering" />
              <log message="un-REGISTER seen: [$unregistering]" />
              <verifyauth assign_to="authvalid" username="{{User}}" password="{{Password}}" />
            </action>
          </recv>
          <nop hide="true" test="authvalid" next="removed" />
        {{Reply("403 Forbidden", next: "refused")}}
          <label id="removed" />
        {{Reply("200 OK", next: "done")}}
          <label id="refused" />
          <recv request="OPTIONS" timeout="200" />
          <label id="done" />
        </scenario>
        """;

    /// <summary>The registrar's answer to the REGISTER just received, optionally jumping to a label afterwards.</summary>
    private static string Reply(string statusLine, string extraHeaders = "", string? next = null) => $$"""
          <send{{(next is null ? string.Empty : $" next=\"{next}\"")}}>
            <![CDATA[

              SIP/2.0 {{statusLine}}
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              {{extraHeaders}}Content-Length: 0

            ]]>
          </send>
        """;

    private string Errors()
    {
        var file = Directory.EnumerateFiles(_directory, "*errors*").FirstOrDefault();
        return file is null ? "no SIPp error log" : File.ReadAllText(file);
    }

    private Process StartSipp(string scenario, int port)
    {
        var info = new ProcessStartInfo(SippFactAttribute.SippPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[]
                 {
                     "-sf", scenario, "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-m", "1",
                     "-mp", FreePort.Udp().ToString(CultureInfo.InvariantCulture), "-cp", FreePort.Udp().ToString(CultureInfo.InvariantCulture),
                     "-timeout", "30s", "-timeout_error", "-nostdin", "-trace_err", "-error_file", Path.Combine(_directory, "sipp_errors.log"),
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

    /// <summary>
    /// Waits for SIPp to bind its port: with a manual clock a REGISTER lost before that would never be retransmitted.
    /// Reads the kernel's socket table rather than probing with a bind, which could steal the port from SIPp.
    /// </summary>
    private static async Task WaitUntilBoundAsync(int port, Process sipp)
    {
        var local = $"0100007F:{port.ToString("X4", CultureInfo.InvariantCulture)} ";
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !sipp.HasExited)
        {
            if ((await File.ReadAllTextAsync("/proc/net/udp")).Contains(local, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"SIPp did not bind 127.0.0.1:{port} (exited: {sipp.HasExited}).");
    }
}
