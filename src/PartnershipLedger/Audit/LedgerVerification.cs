using System.ComponentModel;
using System.Text;
using Marten;
using Npgsql;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Audit;

/// <summary>Why a stored event breaks its stream's hash chain.</summary>
public enum ChainBreak
{
    [Description("The event's data or metadata changed after it was recorded: they no longer hash to its chain value.")]
    ContentAltered,

    [Description("The event's chain value was rewritten: it does not follow from the previous one, yet the next event links to the value it should have.")]
    ChainAltered,

    [Description("A link is gone: a version of the stream is missing (a deleted event), or an event carries no chain value.")]
    LinkMissing,
}

/// <summary>The first place a stream's chain breaks. For a missing version there is no event, only the version.</summary>
public sealed record BrokenLink(Guid StreamId, long Version, Guid? EventId, long? Sequence, string? Type, ChainBreak Reason, string Detail);

/// <summary>What a check of stored chains found.</summary>
public sealed record LedgerCheck(bool Intact, int EventsChecked, int StreamsChecked, BrokenLink? FirstBrokenLink);

/// <summary>
/// Re-reads stored events row by row and recomputes each stream's chain (<see cref="EventChain"/>): every event's chain
/// value must be the hash of the previous event's stored value and its own stored content, and versions must run
/// 1..the stream's version without a gap. Each link is checked against the stored previous value, so one tampered row
/// is named, not every row after it.
/// </summary>
public static class LedgerVerification
{
    private sealed record Row(long Sequence, Guid Id, long Version, string Type, string? User, string? Organization, string? Correlation, string Data, string? Chain);

    public static async Task<LedgerCheck> VerifyAsync(IQuerySession session, Actor actor, Guid? partnershipId, CancellationToken cancellation)
    {
        if (partnershipId is { } id)
        {
            var partnership = await session.LoadAsync<PartnershipSummary>(id, cancellation);
            if (partnership is null || !actor.MaySee(partnership.MemberIds))
                throw new NotFoundException($"No partnership has the id {id}.", "partnershipId") { OutOfReach = partnership is not null };
        }

        await using var connection = await EventRows.OpenAsync(session, cancellation);
        await using var command = connection.CreateCommand();
        var which = partnershipId is null ? EventRows.VisibleStreams(session, actor, "s.id", command) : "s.id = @stream";
        if (partnershipId is { } stream) command.Parameters.AddWithValue("stream", stream);
        command.CommandText =
            "select s.id, s.version, e.seq_id, e.id, e.version, e.type, e.user_name, e.headers ->> 'actorOrganizationId', e.correlation_id, e.data::text, " +
            $"e.headers ->> '{EventChain.Header}' from {DocumentTables.Streams(session)} s left join {DocumentTables.Events(session)} e on e.stream_id = s.id " +
            $"where {which} order by s.id, e.version";

        var types = EventRows.TypesByStoredName(session);
        var (events, streams) = (0, 0);
        BrokenLink? first = null;
        var rows = new List<Row>();
        (Guid Id, long Version)? current = null;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (true)
        {
            var more = await reader.ReadAsync(cancellation);
            var streamId = more ? reader.GetGuid(0) : Guid.Empty;
            if (current is { } done && (!more || streamId != done.Id))
            {
                streams++;
                events += rows.Count;
                if (Check(done.Id, done.Version, rows, types) is { } broken && (first is null || Order(broken) < Order(first))) first = broken;
                rows.Clear();
            }
            if (!more) break;
            current = (streamId, reader.GetInt64(1));
            if (reader.IsDBNull(2)) continue;   // a stream whose every row is gone
            rows.Add(new Row(reader.GetInt64(2), reader.GetGuid(3), reader.GetInt64(4), reader.GetString(5), Text(reader, 6), Text(reader, 7), Text(reader, 8),
                reader.GetString(9), Text(reader, 10)));
        }
        return new LedgerCheck(first is null, events, streams, first);
    }

    /// <summary>The first break in a stream's rows (in version order), or null when its chain is intact.</summary>
    private static BrokenLink? Check(Guid streamId, long streamVersion, IReadOnlyList<Row> rows, IReadOnlyDictionary<string, Type> types)
    {
        var previous = EventChain.Genesis(streamId);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Version != i + 1)
                return Missing(streamId, i + 1, $"Version {i + 1} of stream {streamId} is missing: its event was deleted.");
            BrokenLink Broken(ChainBreak reason, string detail) =>
                new(streamId, row.Version, row.Id, row.Sequence, types.TryGetValue(row.Type, out var type) ? type.Name : row.Type, reason, detail);
            if (row.Chain is null)
                return Broken(ChainBreak.LinkMissing, $"Event {row.Id} (version {row.Version}) carries no chain value.");
            var expected = LinkAfter(previous, streamId, row);
            if (expected != row.Chain)
            {
                // The next event tells which changed: it links to the chain value this event had when it was recorded.
                var next = i + 1 < rows.Count && rows[i + 1].Chain is { } nextChain ? (Row: rows[i + 1], Chain: nextChain) : default;
                return next.Row is not null && next.Chain == LinkAfter(expected, streamId, next.Row)
                    ? Broken(ChainBreak.ChainAltered, $"Event {row.Id} (version {row.Version}) has a rewritten chain value: its content is as recorded, but its chain value does not follow from the previous event.")
                    : Broken(ChainBreak.ContentAltered, $"Event {row.Id} (version {row.Version}) was altered after it was recorded: its data or metadata no longer hash to its chain value.");
            }
            previous = row.Chain;
        }
        return rows.Count < streamVersion
            ? Missing(streamId, rows.Count + 1, $"Stream {streamId} is at version {streamVersion} but its events end at version {rows.Count}: the later ones were deleted.")
            : null;
    }

    private static BrokenLink Missing(Guid streamId, long version, string detail) => new(streamId, version, null, null, null, ChainBreak.LinkMissing, detail);

    /// <summary>The chain value <paramref name="row"/> should carry after <paramref name="previous"/>: its data hashed from UTF-8, canonicalized once.</summary>
    private static string LinkAfter(string previous, Guid streamId, Row row) =>
        EventChain.Hash(previous, streamId, row.Version, row.Id, row.Type, row.User, row.Organization, row.Correlation, Encoding.UTF8.GetBytes(row.Data));

    /// <summary>Breaks across streams are reported in recording order; a missing row has no sequence and goes last.</summary>
    private static long Order(BrokenLink broken) => broken.Sequence ?? long.MaxValue;

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
