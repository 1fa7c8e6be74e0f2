using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// linphonec 5.1 (liblinphone 5.1.65) as an agent phone: auto-answer (-a), WAV files instead of a sound card
/// ("soundcard use files", then "play" the tone, which it loops), commands on stdin, its log (-d) in its output, which
/// includes every SIP message belle-sip sends and receives. MD5 and SHA-256 digest both work.
/// It must find $HOME/.local/share/linphone: without it the database does not open and the core never leaves
/// GlobalStartup, so it binds no SIP port and every REGISTER fails with "No listening point matching".
/// </summary>
internal sealed partial class Linphonec : Softphone
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(15);

    private Linphonec(SoftphoneAccount account)
        : base("linphonec", account)
    {
    }

    public static string? Program { get; } = SipPeers.Find("linphonec");

    // "channel [0x…]: received [342] new bytes from [UDP://127.0.0.1:5060]:", then the message.
    protected override Regex IncomingMessageMarker => IncomingMarker();

    protected override Regex RegisteredPattern => Registered();

    // A refused password makes linphonec prompt for another one on stdin ("Password for 1002 on appliance: ").
    protected override Regex RegistrationRefusedPattern => RegistrationRefused();

    protected override string CallEstablishedText => "Media streams established with";

    protected override string CallEndedText => " ended (";

    protected override string RtcpReceivedText => "receiving RTCP SR";

    protected override string HangUpCommand => "terminate";

    protected override string HoldCommand => "pause";

    protected override string ResumeCommand => "resume";

    protected override string QuitCommand => "quit";

    /// <summary>Writes linphonerc and the data folder, starts linphonec and switches it to the tone file (not yet registered).</summary>
    public static async Task<Linphonec> StartAsync(SoftphoneAccount account)
    {
        var phone = new Linphonec(account);
        try
        {
            phone.WriteConfiguration();
            phone.Start("linphonec", ["-a", "-d", "5", "-c", Path.Combine(phone.WorkDirectory, "linphonerc")]);
            await phone.SendAsync("soundcard use files");
            await phone.SendAsync("play " + phone.TonePath);
            await phone.WaitForAsync("Using wav files instead of soundcard.", StartLimit);
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    // A bare extension would get the identity's domain without the box's port: the full URI, then.
    protected override string TransferCommand(string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"transfer sip:{extension}@127.0.0.1:{Account.RegistrarPort}");

    // After a refused password it waits for a new one on stdin and would take "quit" for it: it is killed instead.
    protected override bool CanQuitPolitely => !RegistrationRefusedPattern.IsMatch(Text);

    protected override Task SendAsync(string command) => WriteLineAsync(command);

    private void WriteConfiguration()
    {
        Directory.CreateDirectory(Path.Combine(WorkDirectory, ".local", "share", "linphone"));
        var registrar = Account.RegistrarPort.ToString(CultureInfo.InvariantCulture);
        var extension = Account.Extension;
        // TCP and TLS off, SIP and RTP bound to 127.0.0.1, no network-up or UPnP gating, no video.
        File.WriteAllText(Path.Combine(WorkDirectory, "linphonerc"), $"""
            [sip]
            sip_port={SipPort.ToString(CultureInfo.InvariantCulture)}
            sip_tcp_port=0
            sip_tls_port=0
            bind_address=127.0.0.1
            guess_hostname=0
            contact=sip:{extension}@127.0.0.1
            register_only_when_network_is_up=0
            register_only_when_upnp_is_ok=0
            default_proxy=0
            media_encryption=none

            [rtp]
            audio_rtp_port=20000-29999
            bind_address=127.0.0.1

            [video]
            display=0
            capture=0

            [auth_info_0]
            username={extension}
            userid={extension}
            passwd={Account.Password}

            [proxy_0]
            reg_proxy=<sip:127.0.0.1:{registrar};transport=udp>
            reg_identity=sip:{extension}@127.0.0.1
            reg_expires=600
            reg_sendregister=1
            publish=0

            """);
    }

    [GeneratedRegex(@"received \[\d+\] new bytes from \[UDP://", RegexOptions.CultureInvariant)]
    private static partial Regex IncomingMarker();

    [GeneratedRegex(@"to \[LinphoneRegistrationOk\]", RegexOptions.CultureInvariant)]
    private static partial Regex Registered();

    [GeneratedRegex(@"Password for \S+ on |to \[LinphoneRegistrationFailed\]", RegexOptions.CultureInvariant)]
    private static partial Regex RegistrationRefused();
}
