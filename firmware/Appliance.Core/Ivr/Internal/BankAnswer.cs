namespace Appliance.Core.Ivr.Internal;

/// <summary>The core bank's answer, or why there is none ("timeout", "unavailable", "bad-answer", "no-bank"…).</summary>
internal readonly record struct BankAnswer<T>(T? Value, string? Failure)
    where T : class
{
    public static BankAnswer<T> Of(T value) => new(value, null);

    public static BankAnswer<T> Failed(string reason) => new(null, reason);
}
