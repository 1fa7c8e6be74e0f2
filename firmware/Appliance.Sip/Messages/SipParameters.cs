using System.Text;

namespace Appliance.Sip.Messages;

/// <summary>An ordered list of parameters whose names compare case-insensitively (RFC 3261 §7.3.1).</summary>
public sealed class SipParameters
{
    private readonly List<SipParameter> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<SipParameter> Items => _items;

    /// <summary>Whether a parameter with this name is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value of the named parameter; null if absent or valueless.</summary>
    public string? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index < 0 ? null : _items[index].Value;
        }
    }

    /// <summary>Adds or replaces the named parameter.</summary>
    public void Set(string name, string? value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _items[index] = new SipParameter(name, value);
        }
        else
        {
            _items.Add(new SipParameter(name, value));
        }
    }

    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _items.RemoveAt(index);
        return true;
    }

    internal void Add(string name, string? value) => _items.Add(new SipParameter(name, value));

    /// <summary>Writes ";name=value" for each parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var item in _items)
        {
            builder.Append(';').Append(item.Name);
            if (item.Value is not null)
            {
                builder.Append('=').Append(item.Value);
            }
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
