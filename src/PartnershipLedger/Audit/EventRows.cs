using GraphQL;
using Marten;
using Npgsql;
using NpgsqlTypes;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Audit;

/// <summary>
/// Plain SQL over Marten's event table, for what its event queries cannot say: filters on headers, which streams a
/// caller may see, and the stored rows exactly as the chain check must read them.
/// </summary>
public static class EventRows
{
    public static async Task<NpgsqlConnection> OpenAsync(IQuerySession session, CancellationToken cancellation)
    {
        var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }

    /// <summary>
    /// A condition on <paramref name="streamColumn"/>: the streams <paramref name="actor"/> may see. Admins see all;
    /// others the streams of the organizations in their reach, of partnerships and of circles with a current member
    /// in it (the ?| test is served by the GIN index on MemberIds).
    /// </summary>
    public static string VisibleStreams(IQuerySession session, Actor actor, string streamColumn, NpgsqlCommand command)
    {
        if (actor.SeesEverything) return "true";
        command.Parameters.Add(new NpgsqlParameter("reach_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = actor.Reach.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("reach_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = actor.Reach.Select(id => id.ToString()).ToArray() });
        // One set of visible stream ids (organizations, then partnerships and circles by the GIN index on MemberIds),
        // so PostgreSQL joins it to mt_events by stream rather than testing each event against three subqueries.
        return $"{streamColumn} in (select unnest(@reach_ids)" +
               $" union all select p.id from {DocumentTables.Of<PartnershipSummary>(session)} p where p.data -> 'MemberIds' ?| @reach_keys" +
               $" union all select c.id from {DocumentTables.Of<CircleOfTrust>(session)} c where c.data -> 'MemberIds' ?| @reach_keys)";
    }

    /// <summary>Event types by the name Marten stores in mt_events.type.</summary>
    public static IReadOnlyDictionary<string, Type> TypesByStoredName(IQuerySession session) =>
        session.DocumentStore.Options.Events.AllKnownEventTypes().ToDictionary(type => type.EventTypeName, type => type.EventType);
}
