namespace Appliance.Banking.Tests;

public sealed class PinHashingTests
{
    [Fact]
    public void A_hash_verifies_its_PIN_only_and_two_hashes_of_one_PIN_differ_by_salt()
    {
        var first = PinHashing.Hash("4321", PinHashing.MinimumIterations);
        var second = PinHashing.Hash("4321", PinHashing.MinimumIterations);

        Assert.True(PinHashing.Verify("4321", first));
        Assert.False(PinHashing.Verify("4322", first));
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("4321", first, StringComparison.Ordinal);
        Assert.Null(PinHashing.HashProblem(first));
        Assert.StartsWith("pbkdf2-sha256$100000$", PinHashing.Hash("4321"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("12a4")]
    [InlineData("1234567890123")]
    public void A_PIN_that_is_not_4_to_12_digits_cannot_be_hashed(string pin)
    {
        Assert.NotNull(PinHashing.PinProblem(pin));
        Assert.Throws<ArgumentException>(() => PinHashing.Hash(pin, PinHashing.MinimumIterations));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("pbkdf2-sha256$10$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("md5$1000$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==")]
    public void A_malformed_or_weak_stored_hash_is_named_a_problem_and_verifies_nothing(string stored)
    {
        Assert.NotNull(PinHashing.HashProblem(stored));
        Assert.False(PinHashing.Verify("1234", stored));
    }
}
