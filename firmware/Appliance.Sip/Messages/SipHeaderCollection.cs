using System.Collections;

namespace Appliance.Sip.Messages;

/// <summary>The headers of a message in arrival order; names compare case-insensitively and compact forms are normalised.</summary>
public sealed class SipHeaderCollection : IEnumerable<SipHeader>
{
    private readonly List<SipHeader> _headers = [];

    public int Count => _headers.Count;

    /// <summary>The first value of the named header, or null.</summary>
    public string? this[string name]
    {
        get
        {
            name = SipHeaderNames.Normalize(name);
            foreach (var header in _headers)
            {
                if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }
    }

    public void Add(string name, string value) => _headers.Add(new SipHeader(SipHeaderNames.Normalize(name), value));

    /// <summary>Puts <paramref name="value"/> before every other value of the same name (e.g. a new top Via).</summary>
    public void Prepend(string name, string value)
    {
        name = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        _headers.Insert(index < 0 ? _headers.Count : index, new SipHeader(name, value));
    }

    /// <summary>Replaces every value of the named header with one value.</summary>
    public void Set(string name, string value)
    {
        name = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        Remove(name);
        _headers.Insert(index < 0 ? _headers.Count : Math.Min(index, _headers.Count), new SipHeader(name, value));
    }

    public int Remove(string name)
    {
        name = SipHeaderNames.Normalize(name);
        return _headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Removes only the first value of the named header (e.g. the top Via of a response).</summary>
    public bool RemoveFirst(string name)
    {
        name = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        _headers.RemoveAt(index);
        return true;
    }

    public IEnumerable<string> GetAll(string name)
    {
        name = SipHeaderNames.Normalize(name);
        foreach (var header in _headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return header.Value;
            }
        }
    }

    public int CountOf(string name)
    {
        name = SipHeaderNames.Normalize(name);
        var count = 0;
        foreach (var header in _headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    public bool Contains(string name) => this[name] is not null;

    public IEnumerator<SipHeader> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void CopyFrom(SipHeaderCollection other, string name)
    {
        foreach (var value in other.GetAll(name))
        {
            Add(name, value);
        }
    }
}
