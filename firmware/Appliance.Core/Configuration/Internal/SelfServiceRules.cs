using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Configuration.Internal;

/// <summary>The settings of the self-service nodes (identify, balance, card loss).</summary>
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
        }
    }
}
