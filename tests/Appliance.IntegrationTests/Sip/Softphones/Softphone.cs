using System.Text.RegularExpressions;
using Appliance.IntegrationTests.Sip.Softphones.Internal;

namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// A real softphone registered as an agent, run headless in a temp directory of its own (never $HOME) on 127.0.0.1.
/// It lives under coreutils `timeout`, so it dies even if the test host does; its output is captured and awaited.
/// Commands act on the current call and return once the box has given its final answer to the request they send
/// (BYE, re-INVITE, REFER), read from the SIP trace the phone prints; a refusal throws with the status line.
/// </summary>
internal abstract partial class Softphone : IAsyncDisposable
{
    /// <summary>The longest a phone may live; `timeout` kills it afterwards, whatever happens to the test.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    /// <summary>How long a command may take to get the box's final answer.</summary>
    protected static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(10);

    protected Softphone(string program, SoftphoneAccount account)
    {
        Account = account;
        Name = $"{program} {account.Extension}";
        WorkDirectory = Directory.CreateTempSubdirectory(program + "-").FullName;
        Output = new SoftphoneOutput(Name, Clean);
        TonePath = Path.Combine(WorkDirectory, "tone.wav");

        // As long as the phone may live: baresip 1.0.0's aufile does not loop and hangs up at the end of the file.
        ToneWav.Write(TonePath, account.ToneHz, Lifetime);
    }

    public string Name { get; }

    public SoftphoneAccount Account { get; }

    /// <summary>The phone's own SIP port on 127.0.0.1.</summary>
    public int SipPort { get; } = SipPeers.FreePort();

    public string WorkDirectory { get; }

    /// <summary>The WAV file it plays into every call.</summary>
    public string TonePath { get; }

    /// <summary>Everything it printed so far (colours and status-line noise removed).</summary>
    public string Text => Output.Text;

    /// <summary>A mark to pass as <c>after</c>, so a wait sees only what the phone prints from now on.</summary>
    public int Mark => Output.Mark;

    internal SoftphoneOutput Output { get; }

    /// <summary>Lines matching this say a SIP message from the box follows on the next line.</summary>
    protected abstract Regex IncomingMessageMarker { get; }

    protected abstract Regex RegisteredPattern { get; }

    protected abstract Regex RegistrationRefusedPattern { get; }

    protected abstract string CallEstablishedText { get; }

    protected abstract string CallEndedText { get; }

    /// <summary>Printed when an RTCP report from the box arrives: proof that media flows, at the pace of real time.</summary>
    protected abstract string RtcpReceivedText { get; }

    /// <summary>Waits until <paramref name="text"/> appears after <paramref name="after"/>; returns the mark just past it.</summary>
    public Task<int> WaitForAsync(string text, TimeSpan timeout, int after = 0) =>
        Output.WaitAsync<int>(
            after,
            output => output.IndexOf(text, StringComparison.Ordinal) is var i and >= 0 ? after + i + text.Length : null,
            timeout,
            $"printed \"{text}\"");

    /// <summary>True once the box accepted the registration, false once it refused it.</summary>
    public Task<bool> WaitForRegistrationAsync(TimeSpan timeout, int after = 0) =>
        Output.WaitAsync<bool>(
            after,
            output => RegisteredPattern.IsMatch(output) ? true : RegistrationRefusedPattern.IsMatch(output) ? false : null,
            timeout,
            "reported the outcome of its registration");

    public Task<int> WaitForCallAsync(TimeSpan timeout, int after = 0) => WaitForAsync(CallEstablishedText, timeout, after);

    public Task<int> WaitForCallEndAsync(TimeSpan timeout, int after = 0) => WaitForAsync(CallEndedText, timeout, after);

    /// <summary>Waits for <paramref name="count"/> RTCP reports from the box after <paramref name="after"/>.</summary>
    public Task<int> WaitForRtcpAsync(int count, TimeSpan timeout, int after) =>
        Output.WaitAsync<int>(
            after,
            output => CountOf(output, RtcpReceivedText) >= count ? count : null,
            timeout,
            $"received {count} RTCP report(s) from the box");

    public Task HangUpAsync() => CallCommandAsync(HangUpCommand, "BYE");

    /// <summary>Puts the call on hold (a re-INVITE with a=sendonly).</summary>
    public Task HoldAsync() => CallCommandAsync(HoldCommand, "INVITE");

    /// <summary>Takes the call off hold (a re-INVITE with a=sendrecv).</summary>
    public Task ResumeAsync() => CallCommandAsync(ResumeCommand, "INVITE");

    /// <summary>Blind transfer of the current call to another extension of the box (REFER); returns once the box accepted it.</summary>
    public Task TransferAsync(string extension) => CallCommandAsync(TransferCommand(extension), "REFER");

    /// <summary>Sends a raw command (baresip: a ctrl_tcp command and its parameters; linphonec: a console line).</summary>
    public Task CommandAsync(string command) => SendAsync(command);

    /// <summary>Sends a command to the running phone.</summary>
    protected abstract Task SendAsync(string command);

    protected abstract string HangUpCommand { get; }

    protected abstract string HoldCommand { get; }

    protected abstract string ResumeCommand { get; }

    protected abstract string QuitCommand { get; }

    protected abstract string TransferCommand(string extension);

    /// <summary>False when the phone is in a state where it would not obey a quit command.</summary>
    protected virtual bool CanQuitPolitely => true;

    /// <summary>Releases what the subclass holds besides the process.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>One output line as kept: colours removed; empty if the whole line is noise.</summary>
    protected virtual string Clean(string line) => AnsiEscape().Replace(line, string.Empty).TrimEnd();

    private async Task CallCommandAsync(string command, string method)
    {
        var mark = Mark;
        await SendAsync(command);
        var (status, statusLine) = await Output.WaitAsync(
            mark,
            output => SipTrace.FindFinalResponse(output, method, IncomingMessageMarker.IsMatch),
            CommandLimit,
            $"got the box's final answer to its {method} for '{command}'");
        if (status >= 300)
        {
            throw new SoftphoneCommandException($"{Name}: '{command}' sent {method}, and the box answered {statusLine}.\n{Output.Tail()}");
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex AnsiEscape();
}
