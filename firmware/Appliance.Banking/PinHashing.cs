using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Appliance.Banking;

/// <summary>
/// Salted PBKDF2-SHA256 hashes of PINs, as the simulated bank's seed stores them:
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in base64). The iteration count travels in the hash, so
/// old seeds keep working when the default rises.
/// </summary>
public static class PinHashing
{
    /// <summary>The iterations new hashes use.</summary>
    public const int DefaultIterations = 100_000;

    /// <summary>The fewest iterations a stored hash may name.</summary>
    public const int MinimumIterations = 1_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Why <paramref name="pin"/> is not an acceptable PIN (4-12 digits), or null.</summary>
    public static string? PinProblem(string? pin) =>
        pin is null || pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit) ? "a PIN must be 4 to 12 digits" : null;

    /// <summary>Hashes <paramref name="pin"/> with a fresh random salt.</summary>
    /// <exception cref="ArgumentException">The PIN is not 4-12 digits.</exception>
    public static string Hash(string pin, int iterations = DefaultIterations)
    {
        if (PinProblem(pin) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pin));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Why <paramref name="stored"/> is not a hash this class can check, or null.</summary>
    public static string? HashProblem(string? stored) => TryParse(stored, out _, out _, out _)
        ? null
        : $"must be '{Scheme}$ITERATIONS$SALT$HASH' (made by 'appliance bank hash-pin') with at least {MinimumIterations} iterations";

    /// <summary>Whether <paramref name="pin"/> matches <paramref name="stored"/>, in constant time over the hash.</summary>
    public static bool Verify(string pin, string stored)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (PinProblem(pin) is not null || !TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < MinimumIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && hash.Length >= 16;
    }
}
