namespace Appliance.Sip.Auth;

/// <summary>The digest hash: MD5 (RFC 2617) or SHA-256 (RFC 8760, which brings RFC 7616's algorithms to SIP).</summary>
public enum DigestAlgorithm
{
    Md5,
    Sha256,
}
