namespace Appliance.Host.Configuration.Internal;

/// <summary>Says in plain words what kind of value a setting of a given type takes.</summary>
internal static class ValueKinds
{
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.DateTime => "a date and time",
            _ when type == typeof(TimeSpan) => "a duration like 00:00:30",
            _ when type == typeof(TimeOnly) => "a time of day like 08:30",
            _ when type == typeof(DateOnly) => "a date like 2026-01-31",
            _ => $"a valid {type.Name}",
        };
    }
}
