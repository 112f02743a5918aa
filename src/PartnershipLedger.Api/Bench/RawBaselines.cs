using System.Diagnostics;
using Marten;
using Npgsql;
using System.Text;
using PartnershipLedger.Import;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.Bench;

/// <summary>The raw limits the product's paths are compared with: plain Npgsql on the same tables, no Marten, no HTTP.</summary>
public sealed class RawBaselines(DocumentStore store)
{
    private readonly string schema = store.Options.Events.DatabaseSchemaName;

    public const string ShapedCopy = "raw binary COPY into an mt_events-shaped table, its 6 indexes (rows/s)";
    public const string MartenIndexesCopy = "raw binary COPY into mt_events' columns with Marten's 2 indexes only (rows/s)";

    public sealed record ReadRows(List<object[]> Rows, double RowsPerSecond);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Empties the event store, every document table and Wolverine's message tables of the bench schema.</summary>
    public async Task WipeLedgerAsync()
    {
        await using var connection = await OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select tablename from pg_tables where schemaname = @schema and (tablename like 'mt_%' or tablename like 'wolverine_%') and tablename not in ('wolverine_nodes', 'wolverine_node_assignments', 'wolverine_node_records')", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add($"{schema}.{reader.GetString(0)}");
        }
        await using var wipe = new NpgsqlCommand($"truncate {string.Join(", ", tables)} cascade; alter sequence {DocumentTables.EventSequence(store)} restart with 1", connection);
        await wipe.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops the messages an earlier run's API left waiting (its imported agreements' reminders, due a day after it
    /// started): a run that reuses the portfolio would otherwise have them fire while it measures.
    /// </summary>
    public async Task ClearWaitingMessagesAsync()
    {
        await using var connection = await OpenAsync();
        // The table exists once the API has run (Wolverine makes it): not after a --skip-api run.
        await using var clear = new NpgsqlCommand(
            $"do $$ begin if to_regclass('{schema}.wolverine_incoming_envelopes') is not null then delete from {schema}.wolverine_incoming_envelopes; end if; end $$", connection);
        await clear.ExecuteNonQueryAsync();
    }

    /// <summary>How many events the bench schema holds (for a run that reuses a loaded portfolio).</summary>
    public async Task<long> CountEventsAsync()
    {
        await using var connection = await OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {DocumentTables.Events(store)}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Every row of mt_events in sequence order, every column, into memory.</summary>
    public async Task<ReadRows> ReadAllEventsAsync()
    {
        await using var connection = await OpenAsync();
        var watch = Stopwatch.StartNew();
        var rows = new List<object[]>();
        await using var command = new NpgsqlCommand($"select {EventStoreCopy.EventColumns} from {DocumentTables.Events(store)} order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return new ReadRows(rows, rows.Count / watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Binary COPY of <paramref name="rows"/> into a table made afresh like mt_events, with its columns, defaults and every
    /// index it has (Marten's two and the audit trail's four, <see cref="Audit.Configuration.EventIndexes"/>); rows per
    /// second. Like the issue's baseline it has no foreign key (LIKE copies none): the import also pays mt_events'
    /// check of each row's stream against mt_streams, which this does not.
    /// With <paramref name="martenIndexesOnly"/>, only Marten's two indexes: the table the bench compared with until
    /// 25 Nov 2026, made once and kept, so it never got the audit indexes that mt_events has.
    /// </summary>
    public async Task<double> CopyIntoShapedTableAsync(List<object[]> rows, bool martenIndexesOnly = false)
    {
        await using var connection = await OpenAsync();
        var table = $"{schema}.bench_raw_events";
        await using (var create = new NpgsqlCommand($"drop table if exists {table}; " + (martenIndexesOnly
                         ? $"create table {table} (like {DocumentTables.Events(store)} including defaults); alter table {table} add primary key (seq_id); create unique index on {table} (stream_id, version)"
                         : $"create table {table} (like {DocumentTables.Events(store)} including defaults including indexes)"), connection))
            await create.ExecuteNonQueryAsync();
        // The labels say 6 and 2: mt_events must have Marten's two and the audit trail's, and the copy what it is meant to.
        var expected = MartenIndexes + (martenIndexesOnly ? 0 : Audit.Configuration.EventIndexes.Count);
        if (await IndexCountAsync(connection, schema, "mt_events") != MartenIndexes + Audit.Configuration.EventIndexes.Count
            || await IndexCountAsync(connection, schema, "bench_raw_events") != expected)
            throw new InvalidOperationException($"mt_events or the raw COPY's table does not have the indexes the bench's labels name: mt_events changed shape.");
        // Written with the import's own row writer, in one statement: the fastest client this code has, so the limit
        // measured is the server's.
        var scratch = new byte[1 << 16];
        var watch = Stopwatch.StartNew();
        using (var copy = new BinaryCopyRows(connection, $"COPY {table} ({EventStoreCopy.EventColumns}) FROM STDIN (FORMAT BINARY)", rowsPerStatement: int.MaxValue))
        {
            foreach (var row in rows)
            {
                copy.StartRow((short)row.Length);
                for (var i = 0; i < row.Length; i++)
                    switch (row[i])
                    {
                        case DBNull: copy.WriteNull(); break;
                        case long number: copy.Write(number); break;
                        case Guid id: copy.Write(id); break;
                        case bool flag: copy.Write(flag); break;
                        case DateTime instant: copy.Write(new DateTimeOffset(instant, TimeSpan.Zero)); break;
                        case string text when JsonbColumns.Contains(i): copy.WriteJsonb(Utf8(text, ref scratch)); break;
                        case string text: copy.WriteText(text); break;
                        default: throw new InvalidOperationException($"No raw COPY for a {row[i].GetType().Name} in column {i}.");
                    }
            }
            copy.Complete();
        }
        var rate = rows.Count / watch.Elapsed.TotalSeconds;
        await using (var truncate = new NpgsqlCommand($"truncate {table}", connection))
            await truncate.ExecuteNonQueryAsync();
        return rate;
    }

    /// <summary>Marten's indexes on mt_events: its primary key (seq_id) and (stream_id, version).</summary>
    private const int MartenIndexes = 2;

    /// <summary><paramref name="text"/> as UTF-8, in <paramref name="scratch"/> (grown when too small): no array per value.</summary>
    private static ReadOnlySpan<byte> Utf8(string text, ref byte[] scratch)
    {
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > scratch.Length) scratch = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        return scratch.AsSpan(0, Encoding.UTF8.GetBytes(text, scratch));
    }

    /// <summary>The jsonb columns among <see cref="EventStoreCopy.EventColumns"/> (data, headers).</summary>
    private static readonly int[] JsonbColumns = [4, 11];

    private static async Task<long> IndexCountAsync(NpgsqlConnection connection, string tableSchema, string table)
    {
        await using var count = new NpgsqlCommand("select count(*) from pg_indexes where schemaname = @schema and tablename = @table", connection);
        count.Parameters.AddWithValue("schema", tableSchema);
        count.Parameters.AddWithValue("table", table);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Settles the database before a measured step, so that no step pays for the one before it: with
    /// <paramref name="vacuum"/>, VACUUM (ANALYZE) of the ledger's tables (a bulk load's rows get their visibility set,
    /// which the first reader would otherwise do as it reads, and autovacuum while the next step runs); then a CHECKPOINT
    /// (the dirty pages written now, not by a checkpoint falling inside the next step). CHECKPOINT needs the pg_checkpoint
    /// role (ops/db grants it); without it the bench says so once and goes on.
    /// </summary>
    public async Task SettleAsync(bool vacuum)
    {
        if (vacuum) await PortfolioImport.VacuumAnalyzeAsync(store, CancellationToken.None);
        if (!checkpoints) return;
        await using var connection = await OpenAsync();
        await using var checkpoint = new NpgsqlCommand("checkpoint", connection) { CommandTimeout = 0 };
        try
        {
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (PostgresException denied) when (denied.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            checkpoints = false;
            Console.Error.WriteLine("bench: the database user may not CHECKPOINT (PostgreSQL 15 and later: grant it pg_checkpoint): steps are measured without one before each");
        }
    }

    private bool checkpoints = true;

    /// <summary>One projected maturity document by id, as plain SQL: the floor of any read of it.</summary>
    public async Task<double> SelectMaturityByIdAsync(NpgsqlConnection connection, Guid id)
    {
        var watch = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand($"select data from {DocumentTables.Of<PartnershipLedger.Maturity.PartnershipMaturity>(store)} where id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) _ = reader.GetString(0);
        return watch.Elapsed.TotalMilliseconds;
    }

    public Task<NpgsqlConnection> ConnectAsync() => OpenAsync();
}
