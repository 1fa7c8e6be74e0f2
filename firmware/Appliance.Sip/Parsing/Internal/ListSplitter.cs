namespace Appliance.Sip.Parsing.Internal;

/// <summary>Splits a list header value on commas that are outside quoted strings and angle brackets.</summary>
internal static class ListSplitter
{
    public static void Split(string value, List<string> into)
    {
        var quoted = false;
        var angle = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '<')
            {
                angle = true;
            }
            else if (c == '>')
            {
                angle = false;
            }
            else if (c == ',' && !angle)
            {
                into.Add(value[start..i].Trim(' ', '\t'));
                start = i + 1;
            }
        }

        into.Add(value[start..].Trim(' ', '\t'));
    }
}
