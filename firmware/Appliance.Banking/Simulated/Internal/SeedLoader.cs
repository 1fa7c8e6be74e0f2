using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Storage;

namespace Appliance.Banking.Simulated.Internal;

/// <summary>Reads and checks a seed file; every problem names the file and the field.</summary>
internal static class SeedLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <exception cref="InvalidDataException">The file is missing, not JSON of the seed's shape, or inconsistent.</exception>
    public static SeedDocument Load(string path)
    {
        SeedDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<SeedDocument>(stream, Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the core-bank seed: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a core-bank seed: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new InvalidDataException($"{path}: not a core-bank seed: the file holds null");
        }

        var problems = Check(document);
        return problems.Count == 0 ? document : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
    }

    private static List<string> Check(SeedDocument document)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Customers.Count; i++)
        {
            var c = document.Customers[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"customers[{i}]");
            Add(problems, !string.IsNullOrWhiteSpace(c.CustomerId) && ids.Add(c.CustomerId), $"{at}.customerId: must be set and unique");
            Add(problems, !string.IsNullOrWhiteSpace(c.Name), $"{at}.name: must be set");
            Add(problems, IsDigits(c.AccountNumber, 8, 19) && numbers.Add(c.AccountNumber), $"{at}.accountNumber: must be 8-19 digits, unique");
            Add(problems, IsDigits(c.CardNumber, 16, 19) && numbers.Add(c.CardNumber), $"{at}.cardNumber: must be 16-19 digits, unique");
            if (PinHashing.HashProblem(c.PinHash) is { } hashProblem)
            {
                problems.Add($"{at}.pinHash: {hashProblem}");
            }

            Add(problems, IsCurrency(c.Currency), $"{at}.currency: must be an ISO 4217 code such as CNY");
            var bills = new HashSet<string>(StringComparer.Ordinal);
            foreach (var bill in c.Bills ?? [])
            {
                Add(problems, !string.IsNullOrWhiteSpace(bill.Reference) && bills.Add(bill.Reference), $"{at}.bills: reference '{bill.Reference}' must be set and unique");
            }
        }

        return problems;
    }

    private static bool IsDigits(string value, int min, int max) =>
        value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit);

    private static bool IsCurrency(string value) => value.Length == 3 && value.All(char.IsAsciiLetterUpper);

    private static void Add(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }

    /// <summary>The masked form of a seeded number (for results and logs).</summary>
    public static string Mask(string number) => AccountMasking.Mask(number);
}
