using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>Campaigns, their contacts and the do-not-call list.</summary>
public sealed class CampaignRepository(ApplianceDatabase database)
{
    private const string CampaignColumns =
        "name, queue, mode, hours_from, hours_to, max_attempts, retry_busy, retry_no_answer, retry_congestion, ring_seconds, dial_string, state, created_at";

    private const string ContactColumns = "campaign, number, name, line, attempts, next_at, last_outcome, result, dialling";

    /// <summary>Stores a new campaign.</summary>
    /// <exception cref="StorageException">InvalidRecord for a bad value; Conflict when the name is taken.</exception>
    public void Create(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var subject = $"campaign '{campaign.Name}'";
        RecordRules.Identifier(campaign.Name, subject, "name");
        RecordRules.Identifier(campaign.Queue, subject, "queue");
        RecordRules.Text(campaign.DialString, subject, "dial string", 128);
        database.Write($"Creating {subject}", (connection, transaction) =>
        {
            if (connection.Exists(transaction, "SELECT 1 FROM campaigns WHERE name = $name;", "$name", campaign.Name))
            {
                throw RecordRules.Conflict(subject, "a campaign of that name exists");
            }

            using var command = connection.Command(
                $"INSERT INTO campaigns ({CampaignColumns}) VALUES ($n, $q, $m, $hf, $ht, $max, $rb, $rn, $rc, $ring, $dial, $state, $at);", transaction);
            return command.With("$n", campaign.Name).With("$q", campaign.Queue).With("$m", campaign.Mode).With("$hf", campaign.HoursFrom)
                .With("$ht", campaign.HoursTo).With("$max", campaign.MaxAttempts).With("$rb", campaign.RetryBusySeconds)
                .With("$rn", campaign.RetryNoAnswerSeconds).With("$rc", campaign.RetryCongestionSeconds).With("$ring", campaign.RingSeconds)
                .With("$dial", campaign.DialString).With("$state", campaign.State).With("$at", UnixTime.ToMilliseconds(campaign.CreatedAt))
                .ExecuteNonQuery();
        });
    }

    /// <summary>The campaign named <paramref name="name"/>, or null.</summary>
    public CampaignRecord? Get(string name) => List().FirstOrDefault(c => c.Name == name);

    /// <summary>Every campaign by name.</summary>
    public IReadOnlyList<CampaignRecord> List() =>
        database.Read("Reading campaigns", connection =>
        {
            using var command = connection.Command($"SELECT {CampaignColumns} FROM campaigns ORDER BY name;");
            return command.ReadAll(MapCampaign);
        });

    /// <summary>Sets the campaign's state (draft, running, paused, finished).</summary>
    public void SetState(string name, string state) =>
        database.Write($"Setting campaign '{name}' {state}", (connection, transaction) =>
        {
            using var command = connection.Command("UPDATE campaigns SET state = $state WHERE name = $name;", transaction);
            return command.With("$state", state).With("$name", name).ExecuteNonQuery();
        });

    /// <summary>Adds contacts to a campaign in one transaction: all are stored or none.</summary>
    /// <exception cref="StorageException">Conflict when a number is already in the campaign (nothing stored).</exception>
    public void AddContacts(string campaign, IReadOnlyList<CampaignContactRecord> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        database.Write($"Importing {contacts.Count} contacts into campaign '{campaign}'", (connection, transaction) =>
        {
            foreach (var contact in contacts)
            {
                using var exists = connection.Command("SELECT 1 FROM campaign_contacts WHERE campaign = $c AND number = $n;", transaction);
                if (exists.With("$c", campaign).With("$n", contact.Number).ExecuteScalar() is not null)
                {
                    throw RecordRules.Conflict($"line {contact.Line}", $"number {contact.Number} is already in campaign '{campaign}'");
                }

                Upsert(connection, transaction, contact with { Campaign = campaign });
            }

            return contacts.Count;
        });
    }

    /// <summary>Stores a contact's schedule and result as they change.</summary>
    public void SaveContact(CampaignContactRecord contact) =>
        database.Write($"Storing contact {contact.Line} of campaign '{contact.Campaign}'", (connection, transaction) =>
            Upsert(connection, transaction, contact));

    /// <summary>The campaign's contacts in list order.</summary>
    public IReadOnlyList<CampaignContactRecord> Contacts(string campaign) =>
        database.Read("Reading campaign contacts", connection =>
        {
            using var command = connection.Command($"SELECT {ContactColumns} FROM campaign_contacts WHERE campaign = $c ORDER BY line, number;");
            return command.With("$c", campaign).ReadAll(MapContact);
        });

    /// <summary>Puts <paramref name="number"/> on the do-not-call list (again is fine).</summary>
    public void AddDoNotCall(string number, DateTimeOffset at) =>
        database.Write("Adding a do-not-call number", (connection, transaction) =>
        {
            using var command = connection.Command("INSERT OR IGNORE INTO campaign_dnc (number, added_at) VALUES ($n, $at);", transaction);
            return command.With("$n", number).With("$at", UnixTime.ToMilliseconds(at)).ExecuteNonQuery();
        });

    /// <summary>Every number on the do-not-call list.</summary>
    public IReadOnlySet<string> DoNotCall() =>
        database.Read("Reading the do-not-call list", connection =>
        {
            using var command = connection.Command("SELECT number FROM campaign_dnc;");
            return command.ReadAll(r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        });

    private static int Upsert(SqliteConnection connection, SqliteTransaction transaction, CampaignContactRecord contact)
    {
        using var command = connection.Command(
            $"""
            INSERT INTO campaign_contacts ({ContactColumns}) VALUES ($c, $n, $name, $line, $attempts, $next, $last, $result, $dialling)
            ON CONFLICT (campaign, number) DO UPDATE SET attempts = excluded.attempts, next_at = excluded.next_at,
                last_outcome = excluded.last_outcome, result = excluded.result, dialling = excluded.dialling;
            """,
            transaction);
        return command.With("$c", contact.Campaign).With("$n", contact.Number).With("$name", contact.Name).With("$line", contact.Line)
            .With("$attempts", contact.Attempts).With("$next", UnixTime.ToMilliseconds(contact.NextAt)).With("$last", contact.LastOutcome)
            .With("$result", contact.Result).With("$dialling", contact.Dialling ? 1 : 0).ExecuteNonQuery();
    }

    private static CampaignRecord MapCampaign(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7),
        r.GetInt32(8), r.GetInt32(9), r.GetString(10), r.GetString(11), r.GetInstant(12));

    private static CampaignContactRecord MapContact(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInstant(5), r.GetNullableString(6),
        r.GetNullableString(7), r.GetInt64(8) == 1);
}
