using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Configuration.Internal;

/// <summary>The settings of the self-service nodes (identify, balance, card loss, bill status).</summary>
internal static class SelfServiceRules
{
    public static void Check(BankNode node, string at, ErrorList errors)
    {
        errors.Range(at + ".bankTimeoutSeconds", node.BankTimeoutSeconds, 1, 30);
        switch (node)
        {
            case IdentifyNode identify:
                if (identify.Credential is not ("card" or "account"))
                {
                    errors.Add(at + ".credential", $"'{identify.Credential}' must be card or account");
                }

                errors.Range(at + ".pinDigits", identify.PinDigits, 4, 12);
                errors.Range(at + ".tries", identify.Tries, 1, 5);
                errors.Range(at + ".timeoutSeconds", identify.TimeoutSeconds, 1, 60);
                break;
            case CardLossNode loss:
                errors.Range(at + ".timeoutSeconds", loss.TimeoutSeconds, 1, 60);
                errors.Range(at + ".retries", loss.Retries, 1, 10);
                break;
            case BillStatusNode bill:
                errors.Range(at + ".minDigits", bill.MinDigits, 1, 15);

                // Below the shortest card number: a card number keyed here by mistake is refused, never stored or synced.
                errors.Range(at + ".maxDigits", bill.MaxDigits, Math.Max(bill.MinDigits, 1), 15);
                errors.Range(at + ".timeoutSeconds", bill.TimeoutSeconds, 1, 60);
                errors.Range(at + ".retries", bill.Retries, 1, 10);
                break;
        }
    }
}
