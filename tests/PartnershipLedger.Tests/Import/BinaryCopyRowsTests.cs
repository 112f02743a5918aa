using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using PartnershipLedger.Import;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Import;

/// <summary>
/// The binary COPY rows the import writes its events with, in statements of a bounded size: the same rows as Npgsql's
/// own importer stores, a foreign key refused at a statement's end, and a COPY abandoned midway.
/// </summary>
public sealed class BinaryCopyRowsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Columns = "id, parent, at, name, doc, flag, note";
    private const string Table = $"(id bigint primary key, parent uuid references copy_parents (id), at timestamptz, name varchar, doc jsonb, flag boolean, note varchar)";

    private sealed record Row(long Id, Guid Parent, DateTimeOffset At, string Name, string Doc, bool Flag, string? Note);

    private static readonly Guid[] Parents = [Guid.Parse("0197a7b2-0000-7000-8000-000000000001"), Guid.Parse("0197a7b2-0000-7000-8000-0000000000ff")];

    /// <summary>Varied values: negative ids, instants before 2000 and with ticks below a microsecond, non-ASCII, empty, null.</summary>
    private static List<Row> Rows(int count) => Enumerable.Range(0, count).Select(i => new Row(
        i % 7 == 0 ? -i : i,
        Parents[i % 2],
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(i * 123_457L),
        i % 5 == 0 ? "" : $"Café {i} 😀 \"q\"",
        i % 4 == 0 ? $$"""{"n":{{i}},"é":[1.50,null,"\u0041"]}""" : "{}",
        i % 2 == 0,
        i % 3 == 0 ? null : $"note {i}")).ToList();

    private async Task<NpgsqlConnection> OpenWithTablesAsync()
    {
        var store = (DocumentStore)Host.Services.GetRequiredService<IDocumentStore>();
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(
            $"create temp table copy_parents (id uuid primary key); insert into copy_parents values ('{Parents[0]}'), ('{Parents[1]}'); " +
            $"create temp table copied {Table}; create temp table imported {Table}", connection);
        await create.ExecuteNonQueryAsync();
        return connection;
    }

    private static void Write(BinaryCopyRows rows, Row row)
    {
        rows.StartRow(7);
        rows.Write(row.Id);
        rows.Write(row.Parent);
        rows.Write(row.At);
        rows.WriteText(row.Name);
        rows.WriteJsonb(System.Text.Encoding.UTF8.GetBytes(row.Doc));
        rows.Write(row.Flag);
        if (row.Note is null) rows.WriteNull();
        else rows.WriteText(row.Note);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Rows_in_several_statements_are_stored_as_npgsqls_own_importer_stores_them()
    {
        await using var connection = await OpenWithTablesAsync();
        var rows = Rows(2_500);

        using (var copied = new BinaryCopyRows(connection, $"COPY copied ({Columns}) FROM STDIN (FORMAT BINARY)", rowsPerStatement: 1_000))
        {
            foreach (var row in rows) Write(copied, row);
            copied.Complete();
        }
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY imported ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(row.Id, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.Parent, NpgsqlDbType.Uuid);
                await importer.WriteAsync(row.At, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(row.Name, NpgsqlDbType.Varchar);
                await importer.WriteAsync(row.Doc, NpgsqlDbType.Jsonb);
                await importer.WriteAsync(row.Flag, NpgsqlDbType.Boolean);
                if (row.Note is null) await importer.WriteNullAsync();
                else await importer.WriteAsync(row.Note, NpgsqlDbType.Varchar);
            }
            await importer.CompleteAsync();
        }

        Assert.Equal(2_500, await CountAsync(connection, "select count(*) from copied"));
        Assert.Equal(0, await CountAsync(connection, "select count(*) from (select * from copied except select * from imported) differing"));
        Assert.Equal(0, await CountAsync(connection, "select count(*) from (select * from imported except select * from copied) differing"));
        Assert.Equal(834, await CountAsync(connection, "select count(*) from copied where note is null"));
    }

    [Fact]
    public async Task A_timestamp_not_in_utc_is_refused_as_npgsql_refuses_it()
    {
        var notUtc = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
        await using var connection = await OpenWithTablesAsync();
        using (var copied = new BinaryCopyRows(connection, $"COPY copied ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            copied.StartRow(7);
            copied.Write(1L);
            copied.Write(Parents[0]);
            Assert.Throws<ArgumentException>(() => copied.Write(notUtc));
        }
        await using var importer = await connection.BeginBinaryImportAsync($"COPY imported ({Columns}) FROM STDIN (FORMAT BINARY)");
        await importer.StartRowAsync();
        await importer.WriteAsync(1L, NpgsqlDbType.Bigint);
        await importer.WriteAsync(Parents[0], NpgsqlDbType.Uuid);
        await Assert.ThrowsAsync<ArgumentException>(() => importer.WriteAsync(notUtc, NpgsqlDbType.TimestampTz));
    }

    [Fact]
    public async Task A_row_its_statements_foreign_key_check_refuses_fails_the_completion_and_nothing_is_stored()
    {
        await using var connection = await OpenWithTablesAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = Rows(2_500);
        rows[1_500] = rows[1_500] with { Parent = Guid.Parse("0197a7b2-0000-7000-8000-00000000dead") };   // in the second statement

        var refused = Assert.Throws<PostgresException>(() =>
        {
            using var copied = new BinaryCopyRows(connection, $"COPY copied ({Columns}) FROM STDIN (FORMAT BINARY)", rowsPerStatement: 1_000);
            foreach (var row in rows) Write(copied, row);
            copied.Complete();
        });

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        await transaction.RollbackAsync();
        Assert.Equal(0, await CountAsync(connection, "select count(*) from copied"));
    }

    /// <summary>
    /// Without a transaction each statement commits on its own: the first is stored, the one under way when the rows are
    /// abandoned is cancelled (its rows already sent are not stored), and the connection goes on.
    /// </summary>
    [Fact]
    public async Task Rows_abandoned_before_completion_cancel_the_statement_under_way_and_the_connection_goes_on()
    {
        await using var connection = await OpenWithTablesAsync();
        var store = (DocumentStore)Host.Services.GetRequiredService<IDocumentStore>();
        await using var watcher = store.Storage.Database.CreateConnection();
        await watcher.OpenAsync();

        using (var copied = new BinaryCopyRows(connection, $"COPY copied ({Columns}) FROM STDIN (FORMAT BINARY)", rowsPerStatement: 1_000))
        {
            // 1,000 rows of about 100 bytes, then 900 of about 400: buffers of the second statement go out before it ends,
            // and only the second can have sent PostgreSQL 200 KB.
            foreach (var row in Rows(1_900).Select((row, i) => i < 1_000 ? row : row with { Note = new string('n', 300) })) Write(copied, row);
            await using var underWay = new NpgsqlCommand($"select count(*) from pg_stat_progress_copy where pid = {connection.ProcessID} and bytes_processed > 200000", watcher);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var started = false;
            while (!(started = (long)(await underWay.ExecuteScalarAsync())! > 0) && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
            Assert.True(started, "the second statement never started");
        }

        Assert.Equal(1_000, await CountAsync(connection, "select count(*) from copied"));
        Assert.Equal(2, await CountAsync(connection, "select count(*) from copy_parents"));
    }
}
