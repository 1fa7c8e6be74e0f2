using System.Net.Http.Json;
using Appliance.Banking.Simulated;
using Appliance.Host.Control.Internal;

namespace Appliance.Host.Control;

/// <summary>The simulated core bank's tester requests of the control API.</summary>
public sealed partial class ControlClient
{
    /// <summary>GET /v1/bank/customers/{key}: the customer with this account, card number or id, masked.</summary>
    /// <exception cref="ControlRequestException">Unknown (404) or not the simulated bank (409).</exception>
    public async Task<SimulatedAccountSummary> ShowBankCustomerAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"v1/bank/customers/{Uri.EscapeDataString(key)}"), DefaultTimeout, cancellationToken);
        return await ReadAsync<SimulatedAccountSummary>(response, cancellationToken);
    }

    /// <summary>PUT /v1/bank/outage: starts or ends an injected outage of the simulated core bank.</summary>
    public async Task<BankOutageRequest> SetBankOutageAsync(bool active, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, "v1/bank/outage") { Content = JsonContent.Create(new BankOutageRequest(active), options: ControlJson.Options) },
            DefaultTimeout,
            cancellationToken);
        return await ReadAsync<BankOutageRequest>(response, cancellationToken);
    }
}
