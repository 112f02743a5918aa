using System.Buffers;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>
/// Writes streams and events straight into Marten's tables with PostgreSQL's binary COPY, with every column Marten
/// itself fills (sequence, version, type alias, .NET type, timestamp, tenant, correlation, causation, headers, user).
/// All inside the caller's transaction: a failed import leaves nothing behind.
/// </summary>
public sealed class EventStoreCopy(DocumentStore store, NpgsqlConnection connection)
{
    public const string EventColumns =
        "seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived";

    private readonly Dictionary<Type, (string Alias, string DotNetType)> eventTypes = [];
    private readonly ISerializer serializer = store.Options.Serializer();

    public sealed record StreamRow(Guid Id, Type AggregateType, long Version);

    /// <summary>
    /// Takes <paramref name="count"/> consecutive numbers of Marten's event sequence; returns the first. Safe while
    /// the API records: in a short transaction of its own (not the import's, which would hold the lock until it ends)
    /// an ALTER SEQUENCE takes the lock that makes other writers' nextval wait (a millisecond), and the sequence is
    /// moved past the block, so no other event can be numbered inside it.
    /// </summary>
    public async Task<long> ReserveSequenceAsync(long count, CancellationToken cancellation)
    {
        if (count < 1) return 0;
        var sequence = DocumentTables.EventSequence(store);
        await using var own = store.Storage.Database.CreateConnection();
        await own.OpenAsync(cancellation);
        await using var transaction = await own.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"alter sequence {sequence} increment by 1; " +
            $"select setval('{sequence}', case when is_called then last_value + @count else last_value + @count - 1 end) from {sequence};", own, transaction);
        command.Parameters.AddWithValue("count", count);
        var last = (long)(await command.ExecuteScalarAsync(cancellation))!;
        await transaction.CommitAsync(cancellation);
        return last - count + 1;
    }

    public async Task CopyStreamsAsync(IEnumerable<StreamRow> streams, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {DocumentTables.Streams(store)} (id, type, version, timestamp, created, tenant_id, is_archived) FROM STDIN (FORMAT BINARY)", cancellation);
        foreach (var stream in streams)
        {
            await writer.StartRowAsync(cancellation);
            await writer.WriteAsync(stream.Id, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(store.Events.AggregateAliasFor(stream.AggregateType), NpgsqlDbType.Varchar, cancellation);
            await writer.WriteAsync(stream.Version, NpgsqlDbType.Bigint, cancellation);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellation);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellation);
            await writer.WriteAsync(StorageConstants.DefaultTenantId, NpgsqlDbType.Varchar, cancellation);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellation);
        }
        await writer.CompleteAsync(cancellation);
    }

    /// <summary>
    /// The COPY of events, written synchronously, row by row, in PostgreSQL's binary format (<see cref="BinaryCopyRows"/>):
    /// the rows are buffered and sent in large writes.
    /// </summary>
    public BinaryCopyRows BeginEvents() =>
        new(connection, $"COPY {DocumentTables.Events(store)} ({EventColumns}) FROM STDIN (FORMAT BINARY)");

    /// <summary>The event's data as Marten stores it, UTF-8, added to <paramref name="json"/>.</summary>
    public void Serialize(IBufferWriter<byte> json, object data) => serializer.WriteTo(json, data);

    /// <summary>
    /// One mt_events row: the event as Marten would store it, of <paramref name="type"/> (<see cref="EventTypeOf"/>), its
    /// data serialized by <see cref="Serialize"/>. Not thread-safe: one thread writes the rows.
    /// </summary>
    public void WriteEvent(BinaryCopyRows row, IEvent e, (string Alias, string DotNetType) type, ReadOnlySpan<byte> dataJson, ImportedEventStamp stamp)
    {
        var (alias, dotNetType) = type;
        row.StartRow(14);
        row.Write(e.Sequence);
        row.Write(e.Id);
        row.Write(e.StreamId);
        row.Write(e.Version);
        row.WriteJsonb(dataJson);
        row.WriteText(alias);
        row.Write(e.Timestamp);
        row.WriteText(StorageConstants.DefaultTenantId);
        row.WriteText(dotNetType);
        row.WriteText(stamp.CorrelationId);
        row.WriteText(stamp.CausationId);
        if (stamp.Headers.Count == 0) row.WriteNull();
        else
        {
            headersJson.ResetWrittenCount();
            serializer.WriteTo(headersJson, stamp.Headers);
            row.WriteJsonb(headersJson.WrittenSpan);
        }
        row.WriteText(stamp.UserName);
        row.Write(false);
    }

    private readonly ArrayBufferWriter<byte> headersJson = new(1024);

    /// <summary>An event type's type column (Marten's alias, e.g. lead_shared) and .NET type column, looked up once per type.</summary>
    public (string Alias, string DotNetType) EventTypeOf(Type type)
    {
        if (eventTypes.TryGetValue(type, out var known)) return known;
        var mapping = store.Events.EventMappingFor(type);
        return eventTypes[type] = (mapping.EventTypeName, mapping.DotNetTypeName);
    }
}
