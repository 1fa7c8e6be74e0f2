using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>The validator accepts the self-service nodes and names the node of a bad setting.</summary>
public sealed class SelfServiceValidationTests
{
    [Fact]
    public void The_self_service_menu_is_valid()
    {
        using var scenario = new SelfServiceScenario();
        Assert.Empty(ConfigurationValidator.Validate(scenario.Configuration));
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_node_named()
    {
        using var scenario = new SelfServiceScenario();
        var menu = SelfServiceScenario.BankMenu();
        menu = menu with
        {
            Nodes = [.. menu.Nodes.Select(n => n switch
            {
                IdentifyNode i => i with { Credential = "iris", Tries = 0 },
                CardLossNode l => l with { Declined = null, BankTimeoutSeconds = 99 },
                _ => n,
            })],
        };
        var errors = ConfigurationValidator.Validate(scenario.Configuration with { Menus = [.. scenario.Configuration.Menus.Where(m => m.Name != "bank"), menu] });

        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[identify].credential" && e.Message.Contains("'iris'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[identify].tries");
        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[loss].bankTimeoutSeconds");
        Assert.Contains(errors, e => e.Path == "menus[bank].nodes[loss]" && e.Message.Contains("declined", StringComparison.Ordinal));
    }
}
