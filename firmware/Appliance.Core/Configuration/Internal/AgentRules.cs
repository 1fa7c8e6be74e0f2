namespace Appliance.Core.Configuration.Internal;

/// <summary>Agents (unique ids and extensions, skills 1–10) and the VIP list.</summary>
internal static class AgentRules
{
    public static void Check(IReadOnlyList<AgentConfig> agents, IReadOnlyList<VipCaller> vips, ErrorList errors)
    {
        errors.Unique(agents, a => a.Id, "agents", "agent id");
        errors.Unique(agents, a => a.Extension, "agents.extension", "extension");
        foreach (var agent in agents)
        {
            var path = $"agents[{agent.Id}]";
            Names.Check(errors, path + ".id", agent.Id, "agent id");
            if (string.IsNullOrWhiteSpace(agent.Name))
            {
                errors.Add(path + ".name", "is missing");
            }

            if (agent.Extension is not { Length: >= 2 and <= 10 } || !agent.Extension.All(char.IsAsciiDigit))
            {
                errors.Add(path + ".extension", $"'{agent.Extension}' must be 2 to 10 digits");
            }

            errors.Unique(agent.Skills, s => s.Skill, path + ".skills", "skill");
            foreach (var skill in agent.Skills)
            {
                Names.Check(errors, $"{path}.skills[{skill.Skill}]", skill.Skill, "skill");
                errors.Range($"{path}.skills[{skill.Skill}].proficiency", skill.Proficiency, 1, 10);
            }

            if (agent.Simulated is { } phone)
            {
                errors.Range(path + ".simulated.answerAfterMilliseconds", phone.AnswerAfterMilliseconds, 0, 120_000);
                errors.Range(path + ".simulated.toneHz", phone.ToneHz, 300, 3_400);
                if (phone.Script is { } script && !SimulatedScript.IsValid(script))
                {
                    errors.Add(path + ".simulated.script", $"'{script}' must be key=seconds pairs separated by ';' (talk, hold, holdfor, transferat) and transfer=EXTENSION");
                }
            }
        }

        errors.Unique(vips, v => v.Number, "vipCallers", "VIP number");
        foreach (var vip in vips)
        {
            if (!Names.IsNumber(vip.Number))
            {
                errors.Add($"vipCallers[{vip.Number}]", $"'{vip.Number}' is not a number (digits, optionally after +)");
            }

            errors.Range($"vipCallers[{vip.Number}].priority", vip.Priority, 1, 10);
        }
    }
}
