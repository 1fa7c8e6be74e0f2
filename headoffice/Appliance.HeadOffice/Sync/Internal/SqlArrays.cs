using Npgsql;
using NpgsqlTypes;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>Typed array parameters, so a whole batch goes to PostgreSQL as one <c>unnest(...)</c> statement.</summary>
internal static class SqlArrays
{
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, NpgsqlDbType elementType, IEnumerable<T> values)
    {
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values.ToArray() });
        return command;
    }

    public static NpgsqlCommand With(this NpgsqlCommand command, object value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
