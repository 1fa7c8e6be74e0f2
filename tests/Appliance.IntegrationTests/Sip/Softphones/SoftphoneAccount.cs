namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>What a softphone registers with and plays.</summary>
/// <param name="RegistrarPort">The box's SIP port on 127.0.0.1 (UDP).</param>
/// <param name="Extension">The agent's extension, also the digest user name.</param>
/// <param name="Password">The digest password.</param>
/// <param name="ToneHz">The tone it plays into every call, so the recording shows whose voice is whose.</param>
internal sealed record SoftphoneAccount(int RegistrarPort, string Extension, string Password, double ToneHz);
