using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Storage;

namespace Appliance.Banking.Simulated.Internal;

/// <summary>Reads and checks a seed file; every problem names the file, the line and the field.</summary>
internal static class SeedLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <exception cref="InvalidDataException">The file is missing, not JSON of the seed's shape, or inconsistent; the
    /// message starts with the file and the line ("seed.json:14: customers[1].cardNumber: …").</exception>
    public static SeedDocument Load(string path)
    {
        byte[] bytes;
        SeedDocument? document;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the core-bank seed: {ex.Message}", ex);
        }

        try
        {
            document = JsonSerializer.Deserialize<SeedDocument>(bytes, Json);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (zeroBased + 1).ToString(CultureInfo.InvariantCulture) : "1";
            throw new InvalidDataException($"{path}:{line}: not a core-bank seed{(ex.Path is { Length: > 0 } at ? " at " + at : "")}: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new InvalidDataException($"{path}:1: not a core-bank seed: the file holds null");
        }

        var problems = Check(document);
        if (problems.Count == 0)
        {
            return document;
        }

        var lines = SeedLines.Of(bytes);
        throw new InvalidDataException(string.Join("; ", problems.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{path}:{lines.Of(p.Customer, p.Field)}: customers[{p.Customer}].{p.Field}: {p.Message}"))));
    }

    private static List<(int Customer, string Field, string Message)> Check(SeedDocument document)
    {
        var problems = new List<(int, string, string)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Customers.Count; i++)
        {
            var c = document.Customers[i];
            void Require(bool ok, string field, string message)
            {
                if (!ok)
                {
                    problems.Add((i, field, message));
                }
            }

            Require(!string.IsNullOrWhiteSpace(c.CustomerId) && ids.Add(c.CustomerId), "customerId", "must be set and unique");
            Require(!string.IsNullOrWhiteSpace(c.Name), "name", "must be set");
            Require(IsDigits(c.AccountNumber, 8, 19) && numbers.Add(c.AccountNumber), "accountNumber", "must be 8-19 digits, unique");
            Require(IsDigits(c.CardNumber, 16, 19) && numbers.Add(c.CardNumber), "cardNumber", "must be 16-19 digits, unique");
            var hashProblem = PinHashing.HashProblem(c.PinHash);
            Require(hashProblem is null, "pinHash", hashProblem ?? "");
            Require(IsCurrency(c.Currency), "currency", "must be an ISO 4217 code such as CNY");
            var bills = new HashSet<string>(StringComparer.Ordinal);
            foreach (var bill in c.Bills ?? [])
            {
                Require(!string.IsNullOrWhiteSpace(bill.Reference) && bills.Add(bill.Reference), "bills", $"reference '{bill.Reference}' must be set and unique");
            }
        }

        return problems;
    }

    private static bool IsDigits(string value, int min, int max) =>
        value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit);

    private static bool IsCurrency(string value) => value.Length == 3 && value.All(char.IsAsciiLetterUpper);

    /// <summary>The masked form of a seeded number (for results and logs).</summary>
    public static string Mask(string number) => AccountMasking.Mask(number);
}
