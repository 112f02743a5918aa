using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

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

    private readonly string schema = store.Options.Events.DatabaseSchemaName;
    private readonly Dictionary<Type, (string Alias, string DotNetType)> eventTypes = [];
    private readonly ISerializer serializer = store.Options.Serializer();

    public sealed record StreamRow(Guid Id, Type AggregateType, long Version);

    /// <summary>Takes <paramref name="count"/> consecutive numbers of Marten's event sequence; returns the first.</summary>
    public async Task<long> ReserveSequenceAsync(long count, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select setval('{schema}.mt_events_sequence', nextval('{schema}.mt_events_sequence') + @count - 1)", connection);
        command.Parameters.AddWithValue("count", count);
        var last = (long)(await command.ExecuteScalarAsync(cancellation))!;
        return last - count + 1;
    }

    public async Task CopyStreamsAsync(IEnumerable<StreamRow> streams, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) FROM STDIN (FORMAT BINARY)", cancellation);
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

    public Task<NpgsqlBinaryImporter> BeginEventsAsync(CancellationToken cancellation) =>
        connection.BeginBinaryImportAsync($"COPY {schema}.mt_events ({EventColumns}) FROM STDIN (FORMAT BINARY)", cancellation);

    /// <summary>One mt_events row: the event as Marten would store it.</summary>
    public async Task WriteEventAsync(NpgsqlBinaryImporter writer, IEvent e, ImportedEventStamp stamp, CancellationToken cancellation)
    {
        var (alias, dotNetType) = EventType(e.EventType);
        await writer.StartRowAsync(cancellation);
        await writer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, cancellation);
        await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellation);
        await writer.WriteAsync(e.StreamId, NpgsqlDbType.Uuid, cancellation);
        await writer.WriteAsync(e.Version, NpgsqlDbType.Bigint, cancellation);
        await writer.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb, cancellation);
        await writer.WriteAsync(alias, NpgsqlDbType.Varchar, cancellation);
        await writer.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, cancellation);
        await writer.WriteAsync(StorageConstants.DefaultTenantId, NpgsqlDbType.Varchar, cancellation);
        await writer.WriteAsync(dotNetType, NpgsqlDbType.Varchar, cancellation);
        await writer.WriteAsync(stamp.CorrelationId, NpgsqlDbType.Varchar, cancellation);
        await writer.WriteAsync(stamp.CausationId, NpgsqlDbType.Varchar, cancellation);
        if (stamp.Headers.Count == 0) await writer.WriteNullAsync(cancellation);
        else await writer.WriteAsync(serializer.ToJson(stamp.Headers), NpgsqlDbType.Jsonb, cancellation);
        await writer.WriteAsync(stamp.UserName, NpgsqlDbType.Varchar, cancellation);
        await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellation);
    }

    private (string Alias, string DotNetType) EventType(Type type)
    {
        if (eventTypes.TryGetValue(type, out var known)) return known;
        var mapping = store.Events.EventMappingFor(type);
        return eventTypes[type] = (mapping.EventTypeName, mapping.DotNetTypeName);
    }
}
