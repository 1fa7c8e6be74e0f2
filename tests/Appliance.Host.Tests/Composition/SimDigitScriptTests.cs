using Appliance.Host.Composition.Internal;

namespace Appliance.Host.Tests.Composition;

public sealed class SimDigitScriptTests
{
    [Fact]
    public void Commas_become_one_second_pauses_between_runs_of_keys()
    {
        var steps = SimDigitScript.Split("1,,,#2,9");

        Assert.Equal(
            [("1", TimeSpan.Zero), (null, TimeSpan.FromSeconds(3)), ("#2", TimeSpan.Zero), (null, TimeSpan.FromSeconds(1)), ("9", TimeSpan.Zero)],
            steps);
    }

    [Fact]
    public void Keys_without_commas_are_one_run_and_no_keys_are_no_steps()
    {
        Assert.Equal([("123#", TimeSpan.Zero)], SimDigitScript.Split("123#"));
        Assert.Empty(SimDigitScript.Split(""));
        Assert.Equal([(null, TimeSpan.FromSeconds(2)), ("5", TimeSpan.Zero)], SimDigitScript.Split(",,5"));
    }
}
