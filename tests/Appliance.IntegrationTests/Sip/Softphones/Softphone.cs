using System.Diagnostics;
using System.Globalization;
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

    private static readonly TimeSpan QuitLimit = TimeSpan.FromSeconds(5);
    private Process? _process;
    private Task _pumps = Task.CompletedTask;

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

    public bool HasExited => _process?.HasExited ?? true;

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

    public Task HangUpAsync() => CommandAsync(HangUpCommand, "BYE");

    /// <summary>Puts the call on hold (a re-INVITE with a=sendonly).</summary>
    public Task HoldAsync() => CommandAsync(HoldCommand, "INVITE");

    /// <summary>Takes the call off hold (a re-INVITE with a=sendrecv).</summary>
    public Task ResumeAsync() => CommandAsync(ResumeCommand, "INVITE");

    /// <summary>Blind transfer of the current call to another extension of the box (REFER); returns once the box accepted it.</summary>
    public Task TransferAsync(string extension) => CommandAsync(TransferCommand(extension), "REFER");

    /// <summary>Asks the phone to quit (it unregisters first) and waits for it to exit.</summary>
    public async Task QuitAsync()
    {
        if (HasExited)
        {
            return;
        }

        await SendAsync(QuitCommand);
        await _process!.WaitForExitAsync().WaitAsync(QuitLimit);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await QuitAsync();
        }
        catch (Exception error) when (error is TimeoutException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // It would not quit politely: killed below.
        }

        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            await _pumps;
            _process.Dispose();
        }

        await DisposeCoreAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Sends a command to the running phone.</summary>
    protected abstract Task SendAsync(string command);

    protected abstract string HangUpCommand { get; }

    protected abstract string HoldCommand { get; }

    protected abstract string ResumeCommand { get; }

    protected abstract string QuitCommand { get; }

    protected abstract string TransferCommand(string extension);

    /// <summary>Releases what the subclass holds besides the process.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>One output line as kept: colours removed; empty if the whole line is noise.</summary>
    protected virtual string Clean(string line) => AnsiEscape().Replace(line, string.Empty).TrimEnd();

    /// <summary>Starts <paramref name="program"/> under `timeout` in the work directory, with HOME pointing there too.</summary>
    protected void Start(string program, IEnumerable<string> arguments)
    {
        var executable = SipPeers.Find(program) ?? throw new InvalidOperationException($"{program} is not installed.");
        var info = new ProcessStartInfo(SipPeers.Find("timeout") ?? "timeout")
        {
            WorkingDirectory = WorkDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kill-after=5");
        info.ArgumentList.Add(((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Whatever they keep (linphone's database, pulse cookies, history) stays in the temp directory.
        info.Environment["HOME"] = WorkDirectory;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(WorkDirectory, ".config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(WorkDirectory, ".local", "share");
        _process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        _pumps = Task.WhenAll(PumpAsync(_process.StandardOutput, 0), PumpAsync(_process.StandardError, 1))
            .ContinueWith(_ => Output.Close(), TaskScheduler.Default);
    }

    /// <summary>Writes a line to the phone's stdin.</summary>
    protected async Task WriteLineAsync(string line)
    {
        if (_process is null || _process.HasExited)
        {
            throw new InvalidOperationException($"{Name} is not running.\n{Output.Tail()}");
        }

        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes the phone's stdin (end of file).</summary>
    protected void CloseInput() => _process?.StandardInput.Close();

    private async Task CommandAsync(string command, string method)
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

    private async Task PumpAsync(StreamReader reader, int stream)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            Output.Append(stream, buffer.AsSpan(0, read));
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
