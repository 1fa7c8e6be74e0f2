using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Validation;

namespace Appliance.Sip.Tests.Torture;

/// <summary>The 49 messages of RFC 4475 §3, each handled the way the RFC describes.</summary>
public sealed class Rfc4475TortureTests
{
    private static readonly SipMessageParser Parser = new();
    private static readonly SipRequestPolicy Policy = new();

    /// <summary>File name, RFC section, verdict, expected status.</summary>
    public static TheoryData<string, string, TortureVerdict, int> Cases => new()
    {
        { "wsinv", "3.1.1.1", TortureVerdict.Accept, 200 },
        { "intmeth", "3.1.1.2", TortureVerdict.Accept, 200 },
        { "esc01", "3.1.1.3", TortureVerdict.Accept, 200 },
        { "escnull", "3.1.1.4", TortureVerdict.Accept, 200 },
        { "esc02", "3.1.1.5", TortureVerdict.Accept, 200 },
        { "lwsdisp", "3.1.1.6", TortureVerdict.Accept, 200 },
        { "longreq", "3.1.1.7", TortureVerdict.Accept, 200 },
        { "dblreq", "3.1.1.8", TortureVerdict.Accept, 200 },
        { "semiuri", "3.1.1.9", TortureVerdict.Accept, 200 },
        { "transports", "3.1.1.10", TortureVerdict.Accept, 200 },
        { "mpart01", "3.1.1.11", TortureVerdict.Accept, 200 },
        { "unreason", "3.1.1.12", TortureVerdict.Accept, 200 },
        { "noreason", "3.1.1.13", TortureVerdict.Accept, 200 },
        { "badinv01", "3.1.2.1", TortureVerdict.ParseError, 400 },
        { "clerr", "3.1.2.2", TortureVerdict.ParseError, 400 },
        { "ncl", "3.1.2.3", TortureVerdict.ParseError, 400 },
        { "scalar02", "3.1.2.4", TortureVerdict.ParseError, 400 },
        { "scalarlg", "3.1.2.5", TortureVerdict.ParseError, 400 },
        { "quotbal", "3.1.2.6", TortureVerdict.ParseError, 400 },
        { "ltgtruri", "3.1.2.7", TortureVerdict.ParseError, 400 },
        { "lwsruri", "3.1.2.8", TortureVerdict.ParseError, 400 },
        { "lwsstart", "3.1.2.9", TortureVerdict.ParseError, 400 },
        { "trws", "3.1.2.10", TortureVerdict.ParseError, 400 },
        { "escruri", "3.1.2.11", TortureVerdict.ParseError, 400 },
        { "baddate", "3.1.2.12", TortureVerdict.ParseError, 400 },
        { "regbadct", "3.1.2.13", TortureVerdict.ParseError, 400 },
        { "badaspec", "3.1.2.14", TortureVerdict.ParseError, 400 },
        { "baddn", "3.1.2.15", TortureVerdict.ParseError, 400 },
        { "badvers", "3.1.2.16", TortureVerdict.ParseError, 505 },
        { "mismatch01", "3.1.2.17", TortureVerdict.ParseError, 400 },
        { "mismatch02", "3.1.2.18", TortureVerdict.ParseError, 400 },
        { "bigcode", "3.1.2.19", TortureVerdict.ParseError, 400 },
        { "badbranch", "3.2.1", TortureVerdict.Accept, 200 },
        { "insuf", "3.3.1", TortureVerdict.ParseError, 400 },
        { "unkscm", "3.3.2", TortureVerdict.PolicyReject, 416 },
        { "novelsc", "3.3.3", TortureVerdict.PolicyReject, 416 },
        { "unksm2", "3.3.4", TortureVerdict.Accept, 200 },
        { "bext01", "3.3.5", TortureVerdict.PolicyReject, 420 },
        { "invut", "3.3.6", TortureVerdict.PolicyReject, 415 },
        { "regaut01", "3.3.7", TortureVerdict.Accept, 200 },
        { "multi01", "3.3.8", TortureVerdict.ParseError, 400 },
        { "mcl01", "3.3.9", TortureVerdict.ParseError, 400 },
        { "bcast", "3.3.10", TortureVerdict.Accept, 200 },
        { "zeromf", "3.3.11", TortureVerdict.Accept, 200 },
        { "cparam01", "3.3.12", TortureVerdict.Accept, 200 },
        { "cparam02", "3.3.13", TortureVerdict.Accept, 200 },
        { "regescrt", "3.3.14", TortureVerdict.Accept, 200 },
        { "sdp01", "3.3.15", TortureVerdict.PolicyReject, 406 },
        { "inv2543", "3.4.1", TortureVerdict.Accept, 200 },
    };

    [Fact]
    public void All_49_messages_are_present_as_data_files()
    {
        Assert.Equal(49, Cases.Count);
        Assert.Equal(49, Directory.GetFiles(DataFolder, "*.sip").Length);
    }

    /// <summary>
    /// The files are the RFC's own bytes: SHA256SUMS holds the SHA-256 of each message in the base64 archive of RFC 4475
    /// Appendix A, so a retyped message, a lost CR or an editor's line-ending change fails here.
    /// </summary>
    [Fact]
    public void Every_message_is_byte_for_byte_the_one_in_the_RFC_archive()
    {
        var expected = File.ReadAllLines(Path.Combine(DataFolder, "SHA256SUMS"))
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);

        Assert.Equal(49, expected.Count);
        foreach (var (file, sha256) in expected)
        {
            var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(DataFolder, file))));
            Assert.True(sha256 == actual, $"{file} differs from the RFC 4475 archive");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Message_is_handled_as_RFC_4475_describes(string name, string section, TortureVerdict verdict, int status)
    {
        var bytes = File.ReadAllBytes(Path.Combine(DataFolder, name + ".sip"));
        var result = Parser.ParseDatagram(bytes);

        if (verdict == TortureVerdict.ParseError)
        {
            Assert.False(result.Success, $"§{section} {name} must be refused");
            Assert.Equal(status, result.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            return;
        }

        Assert.True(result.Success, $"§{section} {name}: {result.Reason}");
        if (result.Message is SipRequest request)
        {
            var policy = Policy.Check(request);
            Assert.Equal(status, policy.StatusCode);
        }
        else
        {
            Assert.Equal(TortureVerdict.Accept, verdict);
        }
    }

    [Fact]
    public void Wsinv_unfolds_and_reads_every_header()
    {
        var request = Load<SipRequest>("wsinv");
        Assert.Equal("INVITE", request.Method);
        Assert.True(request.RequestUri.Parameters.Contains("unknownparam"));
        Assert.Equal("1918181833n", request.To.Tag);
        Assert.Equal("98asjd8", request.From.Tag);
        Assert.Equal("\"J Rosenberg \\\\\\\"\"", request.From.DisplayName);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal(new CSeqHeader(9, "INVITE"), request.CSeq);
        var vias = request.Vias;
        Assert.Equal(3, vias.Count);
        Assert.Equal(("UDP", "192.0.2.2", "390skdjuw"), (vias[0].Transport, vias[0].Host, vias[0].Branch));
        Assert.Equal(("TCP", "spindle.example.com", "z9hG4bK9ikj8"), (vias[1].Transport, vias[1].Host, vias[1].Branch));
        Assert.Equal("z9hG4bK30239", vias[2].Branch);
        Assert.Equal(string.Empty, request.Headers["Subject"]);
        Assert.Equal("newfangled value continued newfangled value", request.Headers["NewFangledHeader"]);
        Assert.Equal(";;,,;;,;", request.Headers["UnknownHeaderWithUnusualValue"]);
        var contact = Assert.Single(request.Contacts);
        Assert.Equal("newvalue", contact.Parameters["newparam"]);
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal("0.33", contact.Parameters["q"]);
        Assert.Equal(150, request.Body.Length);
    }

    [Fact]
    public void Intmeth_keeps_unusual_method_uri_and_utf8()
    {
        var request = Load<SipRequest>("intmeth");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", request.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", request.RequestUri.Password);
        Assert.Equal("\"работающий\"", request.From.Parameters["fromParam''~+*_!.-%"]);
        Assert.Equal("\uFEFF大停電", request.Headers["extensionHeader-!.%*+_`'~"]);
    }

    [Fact]
    public void Dblreq_takes_only_the_first_request_of_the_datagram()
    {
        var bytes = File.ReadAllBytes(Path.Combine(DataFolder, "dblreq.sip"));
        var result = Parser.ParseDatagram(bytes);
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Equal("REGISTER", request.Method);
        Assert.True(result.BytesConsumed < bytes.Length);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void Bext01_lists_both_unsupported_extensions()
    {
        var verdict = Policy.Check(Load<SipRequest>("bext01"));
        var unsupported = Assert.Single(verdict.ExtraHeaders, h => h.Key == "Unsupported").Value;
        Assert.Contains("nothingSupportsThis", unsupported, StringComparison.Ordinal);
        Assert.Contains("nothingSupportsThisEither", unsupported, StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_forms_map_to_long_names()
    {
        var request = Load<SipRequest>("esc01");
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", request.CallId);
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal("v%61lue%25%34%31", request.Contacts[0].Uri.Parameters["n%61me"]);
    }

    [Fact]
    public void Noreason_and_unreason_keep_the_reason_phrase()
    {
        Assert.Equal(string.Empty, Load<SipResponse>("noreason").ReasonPhrase);
        Assert.StartsWith("= 2**3 * 5**2 но сто", Load<SipResponse>("unreason").ReasonPhrase, StringComparison.Ordinal);
    }

    private static string DataFolder => Path.Combine(AppContext.BaseDirectory, "Torture", "Data");

    private static T Load<T>(string name)
        where T : SipMessage
    {
        var result = Parser.ParseDatagram(File.ReadAllBytes(Path.Combine(DataFolder, name + ".sip")));
        Assert.True(result.Success, result.Reason);
        return Assert.IsType<T>(result.Message);
    }
}
