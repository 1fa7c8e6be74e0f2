using Appliance.Core.Configuration;

namespace Appliance.Core.Tests.Configuration;

/// <summary>A queue's announcement and callback settings: written canonically, read back, and refused with the queue named.</summary>
public sealed class WaitingSettingsTests
{
    [Fact]
    public void Announce_and_callback_round_trip_through_the_document()
    {
        var json = ConfigurationDocument.Write(SampleConfiguration.Branch());

        Assert.Contains("\"announce\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"dialString\": \"sim:{number};answer=2000\"", json, StringComparison.Ordinal);
        var cards = ConfigurationDocument.Parse(json).Configuration!.Queues.Single(q => q.Name == "cards");
        Assert.Equal((45, true, true), (cards.Announce!.EverySeconds, cards.Announce.Position, cards.Announce.ExpectedWait));
        Assert.Equal(("2", 3), (cards.Callback!.Key, cards.Callback.Attempts));
        Assert.Equal([60, 300], cards.Callback.RetryAfterSeconds);
        Assert.Equal(json, ConfigurationDocument.Write(ConfigurationDocument.Parse(json).Configuration!));
    }

    [Fact]
    public void A_queue_without_them_announces_nothing_and_offers_no_callback()
    {
        var general = SampleConfiguration.Branch().Queues.Single(q => q.Name == "general");
        var json = ConfigurationDocument.Write(SampleConfiguration.Branch() with { Queues = [general] });

        Assert.DoesNotContain("announce", json, StringComparison.Ordinal);
        Assert.DoesNotContain("callback", json, StringComparison.Ordinal);
        var definition = new ConfigurationSnapshot(SampleConfiguration.Branch(), 1).Queue("general")!;
        Assert.Equal((null, null), (definition.Announce, definition.Callback));
    }

    [Fact]
    public void An_unknown_callback_property_is_refused_at_its_place()
    {
        var json = ConfigurationDocument.Write(SampleConfiguration.Branch())
            .Replace("\"attempts\": 3", "\"attempts\": 3, \"tries\": 5", StringComparison.Ordinal);

        var parsed = ConfigurationDocument.Parse(json);

        Assert.Null(parsed.Configuration);
        Assert.Contains("callback", Assert.Single(parsed.Errors).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_callback_settings_are_refused_each_naming_the_queue_and_the_setting()
    {
        var bad = new QueueCallback { Key = "12", Attempts = 3, RetryAfterSeconds = [5], OfferAfterSeconds = -1, DialString = "0123456", MinDigits = 9, MaxDigits = 4 };

        var errors = ConfigurationValidator.Validate(WithCards(q => q with { Callback = bad }));

        Assert.Equal(
            [
                "queues[cards].callback.key",
                "queues[cards].callback.retryAfterSeconds",
                "queues[cards].callback.retryAfterSeconds[1]",
                "queues[cards].callback.offerAfterSeconds",
                "queues[cards].callback.maxDigits",
                "queues[cards].callback.dialString",
            ],
            errors.Select(e => e.Path));
        Assert.Contains("needs one interval per retry (2), not 1", errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true, true, null)]
    [InlineData(60, false, true, null)]
    [InlineData(5, true, true, "queues[cards].announce.everySeconds")]
    [InlineData(60, false, false, "queues[cards].announce")]
    public void Announcements_every_15_to_600_seconds_or_only_on_entry(int every, bool position, bool wait, string? error)
    {
        var announce = new QueueAnnouncement { EverySeconds = every, Position = position, ExpectedWait = wait };

        var errors = ConfigurationValidator.Validate(WithCards(q => q with { Announce = announce }));

        Assert.Equal(error is null ? [] : [error], errors.Select(e => e.Path));
    }

    private static CallCenterConfiguration WithCards(Func<QueueConfig, QueueConfig> change)
    {
        var c = SampleConfiguration.Branch();
        return c with { Queues = [.. c.Queues.Select(q => q.Name == "cards" ? change(q) : q)] };
    }
}
