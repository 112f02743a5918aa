using Marten;
using Npgsql;

namespace PartnershipLedger.Recording;

/// <summary>The qualified names of Marten's tables (a document type's, the event store's), for plain SQL its queries cannot say.</summary>
public static class DocumentTables
{
    public static string Of<T>(IDocumentStore store) => Of(store, typeof(T)).QualifiedName;

    /// <summary>The table's own name, without its schema (as PostgreSQL names it in a constraint violation).</summary>
    public static string NameOf<T>(IDocumentStore store) => Of(store, typeof(T)).Name;

    public static string Of<T>(IQuerySession session) => Of<T>(session.DocumentStore);

    /// <summary>The document table of <paramref name="type"/>, as Marten maps it (schema and name).</summary>
    public static Weasel.Core.DbObjectName Of(IDocumentStore store, Type type) => store.Options.FindOrResolveDocumentType(type).TableName;

    /// <summary>Marten's event table, for plain SQL over the events.</summary>
    public static string Events(IDocumentStore store) => EventStore(store, "mt_events");

    public static string Events(IQuerySession session) => Events(session.DocumentStore);

    /// <summary>Marten's stream table.</summary>
    public static string Streams(IDocumentStore store) => EventStore(store, "mt_streams");

    public static string Streams(IQuerySession session) => Streams(session.DocumentStore);

    /// <summary>The sequence that numbers the events (seq_id).</summary>
    public static string EventSequence(IDocumentStore store) => EventStore(store, "mt_events_sequence");

    /// <summary>Where the async projections keep how far they have processed the events.</summary>
    public static string EventProgression(IDocumentStore store) => EventStore(store, "mt_event_progression");

    private static string EventStore(IDocumentStore store, string table) => $"{store.Options.Events.DatabaseSchemaName}.{table}";

    /// <summary>Inserts a new document on <paramref name="connection"/> (in its transaction, if one is open): for writes that must commit with rows Marten does not write itself.</summary>
    public static async Task InsertAsync<T>(DocumentStore store, NpgsqlConnection connection, string id, T document, CancellationToken cancellation) where T : notnull
    {
        await using var insert = new NpgsqlCommand($"insert into {Of<T>(store)} (id, data, mt_dotnet_type) values (@id, @data::jsonb, @type)", connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("data", store.Options.Serializer().ToJson(document));
        insert.Parameters.AddWithValue("type", typeof(T).FullName!);
        await insert.ExecuteNonQueryAsync(cancellation);
    }
}
