namespace Appliance.Storage;

/// <summary>An agent's SIP digest credentials: the hashes H(extension:realm:password) for MD5 and SHA-256, never the password.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Extension">The agent's extension: the digest user name of their phone.</param>
/// <param name="Realm">The realm the hashes were made for.</param>
/// <param name="Ha1Md5">32 lowercase hex digits.</param>
/// <param name="Ha1Sha256">64 lowercase hex digits.</param>
/// <param name="SetAt">When the password was generated.</param>
public sealed record SipCredentialRecord(string AgentId, string Extension, string Realm, string Ha1Md5, string Ha1Sha256, DateTimeOffset SetAt);
