using System.Text;

namespace Appliance.Core.Campaigns.Internal;

/// <summary>
/// Reads a list's bytes as UTF-8 (with or without BOM) or GBK, the two encodings Chinese banks' exports come in: a file
/// that is valid UTF-8 is UTF-8; otherwise it must be valid GBK, or it is refused naming the first line that is neither.
/// Lines are split on the byte 0x0A first, which neither encoding uses inside a character.
/// </summary>
internal static class ListEncoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGbk = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static (string Name, List<string> Lines) Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ("utf-8", DecodeAll(content[3..], StrictUtf8) is { } withBom ? withBom
                : throw new CampaignImportException($"line {FirstBadLine(content[3..], StrictUtf8)}: the file starts with a UTF-8 BOM but this line is not UTF-8"));
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new CampaignImportException("line 1: the file is UTF-16; save the list as UTF-8 or GBK");
        }

        if (DecodeAll(content, StrictUtf8) is { } utf8)
        {
            return ("utf-8", utf8);
        }

        return DecodeAll(content, StrictGbk.Value) is { } gbk ? ("gbk", gbk)
            : throw new CampaignImportException($"line {FirstBadLine(content, StrictGbk.Value)}: the text is neither UTF-8 nor GBK");
    }

    private static List<string>? DecodeAll(ReadOnlySpan<byte> content, Encoding encoding)
    {
        var lines = new List<string>();
        foreach (var range in content.Split((byte)'\n'))
        {
            try
            {
                lines.Add(encoding.GetString(content[range]).TrimEnd('\r'));
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        return lines;
    }

    private static int FirstBadLine(ReadOnlySpan<byte> content, Encoding encoding)
    {
        var line = 0;
        foreach (var range in content.Split((byte)'\n'))
        {
            line++;
            try
            {
                encoding.GetString(content[range]);
            }
            catch (DecoderFallbackException)
            {
                return line;
            }
        }

        return line;
    }
}
