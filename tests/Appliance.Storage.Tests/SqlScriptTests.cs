using Appliance.Storage.Internal;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class SqlScriptTests
{
    public SqlScriptTests()
    {
        // sqlite3_complete needs the native library loaded, which opening any connection does.
        using var files = new TestDatabase();
        using var connection = files.OpenRaw();
    }

    [Fact]
    public void Triggers_literals_and_comments_stay_inside_their_statements()
    {
        var statements = SqlScript.Statements(
            """
            -- a comment; with a semicolon
            CREATE TABLE t (x TEXT DEFAULT 'a;b');
            CREATE TRIGGER t_no_delete BEFORE DELETE ON t
            BEGIN
                SELECT RAISE(ABORT, 'no; never');
            END;
            /* block; comment */ INSERT INTO t VALUES ('c;d');
            SELECT 1
            """);

        Assert.Equal(4, statements.Count);
        Assert.StartsWith("-- a comment; with a semicolon", statements[0], StringComparison.Ordinal);
        Assert.EndsWith("DEFAULT 'a;b');", statements[0], StringComparison.Ordinal);
        Assert.StartsWith("CREATE TRIGGER", statements[1], StringComparison.Ordinal);
        Assert.EndsWith("END;", statements[1], StringComparison.Ordinal);
        Assert.Equal("/* block; comment */ INSERT INTO t VALUES ('c;d');", statements[2]);
        Assert.StartsWith("SELECT 1", statements[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_migration_splits_into_whole_statements()
    {
        var statements = SqlScript.Statements(MigrationCatalog.BuiltIn[0].Sql);

        Assert.Contains(statements, s => s.Contains("CREATE TRIGGER events_are_append_only_update", StringComparison.Ordinal)
            && s.EndsWith("END;", StringComparison.Ordinal));
        Assert.All(statements, s => Assert.NotEqual(0, SQLitePCL.raw.sqlite3_complete(s)));
    }
}
