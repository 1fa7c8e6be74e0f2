namespace Appliance.Core.Configuration.Internal;

/// <summary>Queues: a known strategy, members who exist, sane times, and overflow that never comes back to itself.</summary>
internal static class QueueRules
{
    public static void Check(IReadOnlyList<QueueConfig> queues, ConfigurationIndex index, ErrorList errors)
    {
        errors.Unique(queues, q => q.Name, "queues", "queue");
        foreach (var queue in queues)
        {
            var path = $"queues[{queue.Name}]";
            Names.Check(errors, path + ".name", queue.Name, "queue name");
            if (!QueueStrategyNames.All.Contains(queue.Strategy))
            {
                errors.Add(path + ".strategy", $"'{queue.Strategy}' is not a strategy ({string.Join(", ", QueueStrategyNames.All)})");
            }

            CheckSkills(queue, path, errors);
            errors.Unique(queue.Members, m => m.Agent, path + ".members", "member");
            foreach (var member in queue.Members)
            {
                if (!index.Agents.ContainsKey(member.Agent))
                {
                    errors.Add($"{path}.members[{member.Agent}]", $"no agent has id '{member.Agent}'");
                }

                errors.Range($"{path}.members[{member.Agent}].penalty", member.Penalty, 0, 100);
            }

            errors.Range(path + ".ringTimeoutSeconds", queue.RingTimeoutSeconds, 5, 300);
            errors.Range(path + ".retrySeconds", queue.RetrySeconds, 0, 300);
            errors.Range(path + ".maxWaitSeconds", queue.MaxWaitSeconds, 0, 86_400);
            errors.Range(path + ".maxLength", queue.MaxLength, 0, 1_000);
            errors.Range(path + ".wrapUpSeconds", queue.WrapUpSeconds, 0, 3_600);
            errors.Range(path + ".autoPauseAfter", queue.AutoPauseAfter, 0, 20);
            errors.Range(path + ".agingSeconds", queue.AgingSeconds, 1, 3_600);
            if (queue.RetentionDays is { } retention)
            {
                errors.Range(path + ".retentionDays", retention, 1, 36_500);
            }

            WaitingRules.Check(queue, path, errors);

            CheckOverflow(queue, path, index, errors);
        }
    }

    private static void CheckSkills(QueueConfig queue, string path, ErrorList errors)
    {
        if (queue.Strategy != QueueStrategyNames.Skills)
        {
            if (queue.Skill is not null || queue.Widening.Count > 0)
            {
                errors.Add(path + ".skill", $"skill and widening apply only to the '{QueueStrategyNames.Skills}' strategy");
            }

            return;
        }

        Names.Check(errors, path + ".skill", queue.Skill, "skill");
        errors.Range(path + ".minProficiency", queue.MinProficiency, 1, 10);
        var (after, floor) = (0, queue.MinProficiency);
        for (var i = 0; i < queue.Widening.Count; i++)
        {
            var step = queue.Widening[i];
            var at = $"{path}.widening[{i + 1}]";
            if (step.AfterSeconds <= after)
            {
                errors.Add(at + ".afterSeconds", $"must be later than the step before ({after} s)");
            }

            if (step.MinProficiency < 0 || step.MinProficiency >= floor)
            {
                errors.Add(at + ".minProficiency", $"must be below the step before ({floor}) and at least 0");
            }

            (after, floor) = (step.AfterSeconds, step.MinProficiency);
        }
    }

    private static void CheckOverflow(QueueConfig queue, string path, ConfigurationIndex index, ErrorList errors)
    {
        if (queue.Overflow is null)
        {
            return;
        }

        switch (RouteTarget.Parse(queue.Overflow))
        {
            case null:
                errors.Add(path + ".overflow", $"'{queue.Overflow}' is not queue:NAME, menu:NAME or hangup");
                return;
            case { Kind: RouteTargetKind.Menu, Name: var menu } when !index.Menus.ContainsKey(menu!):
                errors.Add(path + ".overflow", $"no menu is called '{menu}'");
                return;
            case { Kind: RouteTargetKind.Queue, Name: var target } when !index.Queues.ContainsKey(target!):
                errors.Add(path + ".overflow", $"no queue is called '{target}'");
                return;
        }

        // Follow the overflow chain: coming back to this queue would pass callers round for ever.
        var chain = new List<string> { queue.Name };
        var current = queue;
        while (RouteTarget.Parse(current.Overflow) is { Kind: RouteTargetKind.Queue, Name: { } next } && index.Queues.TryGetValue(next, out var nextQueue))
        {
            if (next == queue.Name)
            {
                errors.Add(path + ".overflow", $"overflows back into itself ({string.Join(" → ", chain.Append(next))})");
                return;
            }

            if (chain.Contains(next))
            {
                return; // A loop further on; it is reported at a queue inside it.
            }

            chain.Add(next);
            current = nextQueue;
        }
    }
}
