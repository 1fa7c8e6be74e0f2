using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Appliance.Drivers.Simulated.Tests.Portability;

/// <summary>
/// What an assembly's IL reaches in System.Device.*, read from its metadata: every type it references, and every member
/// its method bodies call, construct, load or convert through (each needs a MemberRef row: calls, property accessors,
/// constructors, operators including implicit conversions, fields). Members it only overrides have no such row and are
/// not seen; nor are enum values, which compile to constants.
/// </summary>
internal static class SystemDeviceReferences
{
    private const string Prefix = "System.Device.";

    /// <summary>"Namespace.Type" of each System.Device type the assembly references.</summary>
    public static IReadOnlyList<string> Types(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.TypeReferences.Select(handle => FullName(metadata, handle)).Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).Distinct().Order()];
    }

    /// <summary>"Namespace.Type.Member/parameter count" (fields without a count) of each System.Device member the assembly references.</summary>
    public static IReadOnlyList<string> Members(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue; // members of generic instantiations and of our own types
            }

            var type = FullName(metadata, (TypeReferenceHandle)member.Parent);
            if (!type.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = $"{type}.{metadata.GetString(member.Name)}";
            var signature = metadata.GetBlobReader(member.Signature);
            var header = signature.ReadSignatureHeader();
            if (header.Kind == SignatureKind.Field)
            {
                found.Add(name);
                continue;
            }

            if (header.IsGeneric)
            {
                signature.ReadCompressedInteger();
            }

            found.Add($"{name}/{signature.ReadCompressedInteger()}");
        }

        return [.. found];
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return $"{FullName(metadata, (TypeReferenceHandle)type.ResolutionScope)}+{name}";
        }

        return $"{metadata.GetString(type.Namespace)}.{name}";
    }
}
