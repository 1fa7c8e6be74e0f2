using System.Globalization;
using System.Text.RegularExpressions;
using Appliance.IntegrationTests.Sip.Softphones.Internal;

namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// baresip 1.0.0 as an agent phone: auto-answer, the tone WAV as its microphone (module aufile), no sound card,
/// commands through the ctrl_tcp module, SIP trace (-s) in its output.
/// What it needs from the box: MD5 digest only. Its libre (1.1.0) fails the whole REGISTER with "Function not
/// implemented" (ENOSYS) on the first challenge whose algorithm is not MD5, even if an MD5 one follows.
/// </summary>
internal sealed partial class Baresip : Softphone
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);
    private readonly int _controlPort = SipPeers.FreePort();
    private readonly Regex _incomingMarker;
    private BaresipControl? _control;

    private Baresip(SoftphoneAccount account)
        : base("baresip", account)
    {
        _incomingMarker = IncomingMarker(SipPort);
    }

    public static string? Program { get; } = SipPeers.Find("baresip");

    protected override Regex IncomingMessageMarker => _incomingMarker;

    // "1001@127.0.0.1: {0/UDP/v4} 200 OK () [1 binding]"
    protected override Regex RegisteredPattern => Registered();

    // "reg: sip:1001@127.0.0.1:5060: 401 Unauthorized ()", "reg: …: Register: Function not implemented"
    protected override Regex RegistrationRefusedPattern => RegistrationRefused();

    protected override string CallEstablishedText => "Call established:";

    protected override string CallEndedText => "terminated (duration:";

    protected override string RtcpReceivedText => "\"type\":\"CALL_RTCP\"";

    protected override string HangUpCommand => "hangup";

    protected override string HoldCommand => "hold";

    protected override string ResumeCommand => "resume";

    protected override string QuitCommand => "quit";

    /// <summary>Writes the config and starts baresip; returns once its control socket answers (not yet registered).</summary>
    public static async Task<Baresip> StartAsync(SoftphoneAccount account)
    {
        var phone = new Baresip(account);
        try
        {
            phone.WriteConfiguration();
            phone.Start("baresip", ["-f", phone.WorkDirectory, "-s"]);
            await phone.WaitForAsync("baresip is ready.", StartLimit);
            phone._control = await BaresipControl.ConnectAsync(phone._controlPort, phone.Output.AppendLine);
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    // baresip completes a bare extension with the account's domain and port: sip:1002@127.0.0.1:PORT.
    protected override string TransferCommand(string extension) => "transfer " + extension;

    protected override async Task SendAsync(string command)
    {
        var control = _control ?? throw new InvalidOperationException($"{Name} has no control connection.");
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var (name, parameters) = space < 0 ? (command, null) : (command[..space], command[(space + 1)..]);
        if (name == QuitCommand)
        {
            await control.SendAsync(name, parameters);
        }
        else
        {
            await control.CommandAsync(name, parameters, CommandLimit);
        }
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        if (_control is not null)
        {
            await _control.DisposeAsync();
        }
    }

    // The call status line ("[0:00:05] audio=80/80 (bit/s)") is redrawn many times a second: kept out of the output.
    protected override string Clean(string line) => StatusLine().Replace(base.Clean(line), string.Empty).Trim();

    private void WriteConfiguration()
    {
        var port = SipPort.ToString(CultureInfo.InvariantCulture);
        // net_interface takes an address here: "lo" is not found (baresip looks interfaces up by name among those with
        // a route), and without it baresip advertises eth0's address in Contact and SDP.
        File.WriteAllText(Path.Combine(WorkDirectory, "config"), $"""
            poll_method     epoll
            sip_listen      127.0.0.1:{port}
            net_interface   127.0.0.1
            call_local_timeout 120
            call_max_calls  4
            audio_source    aufile,{TonePath}
            rtp_ports       20000-29999
            module_path     /usr/lib/baresip/modules
            module          g711.so
            module          aufile.so
            module          sndfile.so
            snd_path        {WorkDirectory}
            module_tmp      account.so
            module_app      menu.so
            module_app      ctrl_tcp.so
            ctrl_tcp_listen 127.0.0.1:{_controlPort.ToString(CultureInfo.InvariantCulture)}

            """);
        File.WriteAllText(Path.Combine(WorkDirectory, "accounts"), string.Create(
            CultureInfo.InvariantCulture,
            $"<sip:{Account.Extension}@127.0.0.1:{Account.RegistrarPort};transport=udp>;auth_pass={Account.Password};answermode=auto;regint=600\n"));
    }

    private static Regex IncomingMarker(int port) =>
        new($@"^UDP \S+ -> 127\.0\.0\.1:{port.ToString(CultureInfo.InvariantCulture)}$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\{\d+/UDP/v4\} 200 OK", RegexOptions.CultureInvariant)]
    private static partial Regex Registered();

    [GeneratedRegex(@"^reg: sip:\S+: .+$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex RegistrationRefused();

    [GeneratedRegex(@"\[\d+:\d\d:\d\d\] audio=\S* \(bit/s\)", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();
}
