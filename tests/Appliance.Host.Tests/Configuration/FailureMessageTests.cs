using System.ComponentModel.DataAnnotations;
using Appliance.Host.Configuration;
using Appliance.Host.Configuration.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Configuration;

public sealed class FailureMessageTests
{
    [Theory]
    [InlineData("Board:Simulated:LineCount: must be between 1 and 32", "Board:Simulated:LineCount: must be between 1 and 32")]
    [InlineData("LineCount: must be between 1 and 32", "Board:Simulated:LineCount: must be between 1 and 32")]
    [InlineData("the ring cadence is empty.", "Board:Simulated: the ring cadence is empty")]
    [InlineData("Board:Simulated:LineCount must be between 1 and 32, not 40.", "Board:Simulated:LineCount: must be between 1 and 32, not 40")]
    [InlineData("Country: 'XX' is not supported.", "Board:Simulated:Country: 'XX' is not supported")]
    [InlineData(
        "DataAnnotation validation failed for 'SimulatedBoardOptions' members: 'LineCount' with the error: 'The field LineCount must be between 1 and 32.'.",
        "Board:Simulated:LineCount: must be between 1 and 32")]
    public void Messages_from_any_validator_end_up_starting_with_the_full_setting_path(string message, string expected)
    {
        Assert.Equal(expected, FailureMessages.Normalize("Board:Simulated", message));
    }

    [Fact]
    public void Nested_objects_dictionaries_and_class_level_rules_get_their_own_paths()
    {
        var options = new Tree
        {
            Queues = new Dictionary<string, Leaf> { ["vip"] = new() { Weight = 0 }, ["general"] = new() { Weight = 5 } },
            Primary = new Leaf { Weight = 200 },
            Code = "abc",
        };
        var failures = new List<string>();

        AnnotatedObjectWalker.Collect(options, "Acd", failures);

        string[] expected =
        [
            "Acd:Code: must match the pattern ^[0-9]+$",
            "Acd:Queues:vip:Weight: must be between 1 and 100",
            "Acd:Primary:Weight: must be between 1 and 100",
            "Acd:Primary: primary weight must not exceed 100",
            "Acd:Name: must be 2 to 8 characters long",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Binding_one_class_to_two_sections_is_a_programming_error()
    {
        var services = new ServiceCollection();
        services.AddApplianceOptions<Leaf>("A");
        services.AddApplianceOptions<Leaf>("A"); // Same section twice is harmless.

        var error = Assert.Throws<InvalidOperationException>(() => services.AddApplianceOptions<Leaf>("B"));

        Assert.Contains("already bound to section 'A'", error.Message, StringComparison.Ordinal);
    }

    public sealed class Tree
    {
        [StringLength(8, MinimumLength = 2)]
        public string Name { get; set; } = "x";

        [RegularExpression("^[0-9]+$")]
        public string Code { get; set; } = "1";

        public Dictionary<string, Leaf> Queues { get; set; } = [];

        public Leaf? Primary { get; set; }
    }

    public sealed class Leaf : IValidatableObject
    {
        [Range(1, 100)]
        public int Weight { get; set; } = 1;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Weight > 100)
            {
                yield return new ValidationResult("primary weight must not exceed 100");
            }
        }
    }
}
