namespace Appliance.Drivers.Simulated.Internal;

/// <summary>The numbers registered on the exchange; used under the exchange lock.</summary>
internal sealed class CalleeDirectory
{
    private readonly Dictionary<string, SimulatedCallee> _byNumber = new(StringComparer.Ordinal);

    public void Register(SimulatedCallee callee) => _byNumber[callee.Number] = callee;

    public bool Remove(string number) => _byNumber.Remove(number);

    public SimulatedCallee? Find(string number) => _byNumber.GetValueOrDefault(number);

    /// <summary>
    /// The number-length rule: digits that reach a callee and begin no longer registered number are complete, so the
    /// exchange routes at once instead of waiting out the inter-digit timeout.
    /// </summary>
    public bool IsComplete(string digits)
    {
        if (!_byNumber.ContainsKey(digits))
        {
            return false;
        }

        foreach (var number in _byNumber.Keys)
        {
            if (number.Length > digits.Length && number.StartsWith(digits, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
