using System.Text;
using System.Text.RegularExpressions;
using BsiLedger.EventStore.Marten;
using BsiLedger.Testing;
using Npgsql;

namespace BsiLedger.EventStore.Tests.Schema;

/// <summary>
/// The tables the journal's writes and reads rely on, as <see cref="LedgerStoreOptions"/> has Marten create them on a
/// fresh database, against the committed description (decision 0017). A Marten upgrade that adds a column, renames a key
/// or changes the sequence fails here, with the difference, before a writer of Marten's schema meets it in a user's
/// ledger. Run with <c>BSILEDGER_UPDATE_SCHEMA=1</c> to take the created schema as the new description, and review it.
/// </summary>
public sealed partial class MartenSchemaContractTests(PostgresFixture postgres)
{
    private const string UpdateVariable = "BSILEDGER_UPDATE_SCHEMA";

    private static readonly string[] Tables =
    [
        "mt_events", "mt_streams", "mt_doc_devicestate", "mt_doc_fleetmember", "mt_doc_releaselisting", "bsi_install_reports",
        "mt_event_progression", "mt_high_water_skips",
    ];

    private static string ExpectedPath => Path.Combine(RepositoryRoot.Path, "tests", "BsiLedger.EventStore.Tests", "Schema", "marten-schema.txt");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Martens_tables_are_the_ones_the_journal_was_written_against()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var store = LedgerStoreOptions.CreateStore(connectionString))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        var created = await DescribeAsync(connectionString);
        if (Environment.GetEnvironmentVariable(UpdateVariable) is "1")
        {
            await File.WriteAllTextAsync(ExpectedPath, created, Ct);
        }

        var expected = (await File.ReadAllTextAsync(ExpectedPath, Ct)).ReplaceLineEndings("\n");
        var missing = expected.Split('\n').Except(created.Split('\n')).ToList();
        var added = created.Split('\n').Except(expected.Split('\n')).ToList();
        Assert.True(missing.Count == 0 && added.Count == 0,
            $"Marten's schema is not the one in {ExpectedPath} (decision 0017):\n"
            + string.Join('\n', missing.Select(line => "- " + line).Concat(added.Select(line => "+ " + line)))
            + $"\nreview what the journal writes and reads against it, then run with {UpdateVariable}=1");
    }

    /// <summary>One line per column, constraint, index, the event sequence and the skip-recording function, in a stable order.</summary>
    private static async Task<string> DescribeAsync(string connectionString)
    {
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await AppendAsync(connection, text, $"""
            select 'column ' || table_name || '.' || column_name || ' ' || data_type
                || case when character_maximum_length is null then '' else '(' || character_maximum_length || ')' end
                || case when is_nullable = 'NO' then ' not null' else '' end
                || coalesce(' default ' || column_default, '')
            from information_schema.columns
            where table_schema = '{LedgerStoreOptions.Schema}' and table_name = any(@tables)
            order by table_name, column_name
            """);
        await AppendAsync(connection, text, $"""
            select 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = '{LedgerStoreOptions.Schema}' and c.relname = any(@tables)
            order by c.relname, k.conname
            """);
        await AppendAsync(connection, text, $"""
            select 'index ' || tablename || '.' || indexname || ' ' || indexdef
            from pg_indexes
            where schemaname = '{LedgerStoreOptions.Schema}' and tablename = any(@tables)
            order by tablename, indexname
            """);
        await AppendAsync(connection, text, $"""
            select 'sequence ' || sequencename || ' ' || data_type::text || ' start ' || start_value || ' increment ' || increment_by
                || ' cache ' || cache_size || case when cycle then ' cycle' else '' end
            from pg_sequences
            where schemaname = '{LedgerStoreOptions.Schema}' and sequencename = 'mt_events_sequence'
            """);
        await AppendAsync(connection, text, $"""
            select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') returns ' || pg_get_function_result(p.oid)
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = '{LedgerStoreOptions.Schema}' and p.proname = 'mt_mark_progression_with_skip'
            """);
        return text.ToString();
    }

    private static async Task AppendAsync(NpgsqlConnection connection, StringBuilder text, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", Tables);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            text.Append(CreationInstant().Replace(reader.GetString(0), "'<when the schema was created>'::timestamp")).Append('\n');
        }
    }

    // Marten 9.58 gives mt_events.timestamp the schema's creation instant as its default: a constant that differs per database.
    [GeneratedRegex(@"'\d{4}-\d{2}-\d{2} [0-9:.+\-]+'::timestamp")]
    private static partial Regex CreationInstant();
}
