using System.Buffers;
using System.Collections.Concurrent;
using Marten;
using Npgsql;
using NpgsqlTypes;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>
/// Writes projected documents straight into Marten's document tables with binary COPY, on a connection and transaction
/// of its own, so documents can be written while the events are still being copied (on the other connection) and
/// committed only once the events are: a refused import rolls both back. The columns are the ones Marten's bulk insert
/// fills (id, data by the store's serializer, .NET type, version: 1 for numeric revisions, a new one otherwise).
/// </summary>
public sealed class DocumentCopy : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly ISerializer serializer;
    private readonly DocumentStore store;

    private readonly Dictionary<Type, (string Table, bool NumericVersion)> tables = [];

    private DocumentCopy(NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentStore store)
    {
        this.connection = connection;
        this.transaction = transaction;
        serializer = store.Options.Serializer();
        this.store = store;
    }

    public static async Task<DocumentCopy> OpenAsync(DocumentStore store, CancellationToken cancellation)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var transaction = await connection.BeginTransactionAsync(cancellation);
        return new DocumentCopy(connection, transaction, store);
    }

    /// <summary>The document table of <paramref name="type"/> (as Marten maps it) and whether its version is numeric.</summary>
    private (string Table, bool NumericVersion) TableOf(Type type)
    {
        if (tables.TryGetValue(type, out var known)) return known;
        var table = DocumentTables.Of(store, type);
        using var command = new NpgsqlCommand(
            "select data_type from information_schema.columns where table_schema = @schema and table_name = @table and column_name = 'mt_version'", connection, transaction);
        command.Parameters.AddWithValue("schema", table.Schema);
        command.Parameters.AddWithValue("table", table.Name);
        var versionType = command.ExecuteScalar() as string ?? throw new InvalidOperationException($"No document table {table.QualifiedName} for {type.Name}.");
        return tables[type] = (table.QualifiedName, versionType == "bigint");
    }

    /// <summary>
    /// Empties the tables of these types, in this transaction (a rebuild replaces their documents at its commit), with
    /// TRUNCATE: nothing is written per row (deleting a million events' documents row by row took 0.4 s, before anything
    /// else could start). Until the commit, other sessions wait to read these tables rather than see the old documents,
    /// and one that began before it sees them empty after it: a rebuild runs with the API stopped. Should another session
    /// hold one of the tables anyway (the API's daemon writing trend buckets), the rebuild gives up after 10 s, saying so,
    /// rather than stall the API's readers queued behind it.
    /// </summary>
    public async Task EmptyAsync(IEnumerable<Type> types, CancellationToken cancellation)
    {
        var tables = types.Select(type => DocumentTables.Of(store, type).QualifiedName).ToList();
        if (tables.Count == 0) return;
        await using var command = new NpgsqlCommand($"set local lock_timeout = '10s'; truncate {string.Join(", ", tables)}; set local lock_timeout to default", connection, transaction);
        try
        {
            await command.ExecuteNonQueryAsync(cancellation);
        }
        catch (PostgresException busy) when (busy.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected)
        {
            throw new InvalidOperationException(
                $"Another session is using the document tables ({busy.MessageText}): stop the API before rebuilding from the command line.", busy);
        }
    }

    /// <summary>Inserts <paramref name="documents"/> (new ids only) in one COPY, synchronously.</summary>
    public void Write<T>(IReadOnlyCollection<T> documents, Func<T, Guid> id) where T : notnull => Write(Serialize(documents, id));

    /// <summary>
    /// <paramref name="documents"/> serialized for a later <see cref="Write(SerializedDocuments)"/>: thread-safe, so one
    /// thread can serialize the next documents while another COPYs these (the database parses them meanwhile).
    /// </summary>
    public SerializedDocuments Serialize<T>(IReadOnlyCollection<T> documents, Func<T, Guid> id) where T : notnull =>
        Serialize(documents, document => (id(document), NpgsqlDbType.Uuid));

    private SerializedDocuments Serialize<T>(IReadOnlyCollection<T> documents, Func<T, (object Id, NpgsqlDbType Type)> id) where T : notnull
    {
        if (documents.Count == 0) return new SerializedDocuments(typeof(T), [], null);
        if (!buffers.TryTake(out var json)) json = new ArrayBufferWriter<byte>(1 << 20);
        var rows = new List<SerializedDocuments.Row>(documents.Count);
        foreach (var document in documents)
        {
            var start = json.WrittenCount;
            serializer.WriteTo(json, document);
            var (value, type) = id(document);
            rows.Add(new SerializedDocuments.Row(value, type, start, json.WrittenCount - start));
        }
        return new SerializedDocuments(typeof(T), rows, json);
    }

    /// <summary>
    /// Serialization buffers, used again once their documents are COPYed: a batch's buffer is a few MB, and allocating
    /// one per batch made the garbage collector sweep its large-object heap (and so all of it) several times a second.
    /// </summary>
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> buffers = [];

    /// <summary>
    /// Inserts documents serialized beforehand (new ids only) in one COPY, synchronously; their buffer is then used again,
    /// so they can be written once only.
    /// </summary>
    public void Write(SerializedDocuments documents)
    {
        if (documents.Take() is not { } buffer) return;
        try
        {
            Copy(documents, buffer.WrittenMemory);
        }
        finally
        {
            buffer.ResetWrittenCount();
            buffers.Add(buffer);
        }
    }

    private void Copy(SerializedDocuments documents, ReadOnlyMemory<byte> json)
    {
        var (table, numeric) = TableOf(documents.Type);
        var dotNetType = documents.Type.FullName!;
        using var writer = connection.BeginBinaryImport($"COPY {table} (id, data, mt_dotnet_type, mt_version) FROM STDIN (FORMAT BINARY)");
        foreach (var row in documents.Rows)
        {
            writer.StartRow();
            writer.Write(row.Id, row.IdType);
            writer.Write(json.Slice(row.Start, row.Length), NpgsqlDbType.Jsonb);
            writer.Write(dotNetType, NpgsqlDbType.Varchar);
            if (numeric) writer.Write(1L, NpgsqlDbType.Bigint);
            else writer.Write(Uuid7.Next(), NpgsqlDbType.Uuid);
        }
        writer.Complete();
    }

    /// <summary>Inserts or replaces <paramref name="documents"/>, identified by strings, in this transaction.</summary>
    public async Task ReplaceAsync<T>(IReadOnlyCollection<T> documents, Func<T, string> id, CancellationToken cancellation) where T : notnull
    {
        if (documents.Count == 0) return;
        await using (var delete = Command($"delete from {TableOf(typeof(T)).Table} where id = any(@ids)"))
        {
            delete.Parameters.AddWithValue("ids", documents.Select(id).ToArray());
            await delete.ExecuteNonQueryAsync(cancellation);
        }
        Write(Serialize(documents, document => (id(document), NpgsqlDbType.Varchar)));
    }

    /// <summary>The stored documents of these string ids, as this transaction sees them.</summary>
    public async Task<List<T>> LoadAsync<T>(IReadOnlyCollection<string> ids, CancellationToken cancellation)
    {
        var documents = new List<T>();
        if (ids.Count == 0) return documents;
        await using var select = Command($"select data from {TableOf(typeof(T)).Table} where id = any(@ids)");
        select.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await select.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            await using var data = reader.GetStream(0);
            documents.Add(serializer.FromJson<T>(data));
        }
        return documents;
    }

    /// <summary>A command on this connection, in this transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    public Task CommitAsync(CancellationToken cancellation) => transaction.CommitAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

/// <summary>
/// Documents of one type, serialized (UTF-8 JSON, one buffer) for one COPY: each row's id and its slice of the buffer,
/// which <see cref="DocumentCopy.Write(SerializedDocuments)"/> takes over (null: no documents, or written already).
/// </summary>
public sealed class SerializedDocuments(Type type, IReadOnlyList<SerializedDocuments.Row> rows, ArrayBufferWriter<byte>? json)
{
    public readonly record struct Row(object Id, NpgsqlDbType IdType, int Start, int Length);

    public Type Type { get; } = type;
    public IReadOnlyList<Row> Rows { get; } = rows;

    /// <summary>The buffer, handed over once: a second write finds nothing rather than another batch's bytes.</summary>
    internal ArrayBufferWriter<byte>? Take() => Interlocked.Exchange(ref json, null);
}
