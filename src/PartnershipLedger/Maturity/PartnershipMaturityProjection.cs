using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// Keeps <see cref="PartnershipMaturity"/> and its <see cref="MaturityTimeline"/> current. Inline, so that a client reading after recording sees its own
/// fact in the maturity (the dashboard records a self-assessment and shows the resulting level at once).
/// Events of a batch are grouped per partnership and the history is derived once per partnership per batch,
/// which keeps rebuilds and bulk imports linear in the number of events per stream.
/// </summary>
public sealed class PartnershipMaturityProjection(MaturityEvaluator evaluator) : IProjection
{
    public const string Name = "PartnershipMaturity";

    /// <summary>After its events are recorded: the profiles of members not yet profiled, and the history derived from the facts.</summary>
    public static void Complete(PartnershipMaturity document, IReadOnlyDictionary<Guid, Organization> organizations, MaturityEvaluator evaluator)
    {
        foreach (var member in document.MemberIds.Where(id => !document.Profiles.ContainsKey(id) && organizations.ContainsKey(id)))
            document.Profiles[member] = new PartnershipMaturity.MemberProfile(organizations[member].HomeRegion, organizations[member].PartnerTypes.ToList());
        document.DeriveHistory(evaluator);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var streams = events.Where(e => e.Data is IPartnershipEvent).GroupBy(e => e.StreamId).ToList();
        if (streams.Count == 0) return;

        var documents = (await operations.LoadManyAsync<PartnershipMaturity>(cancellation, streams.Select(stream => stream.Key).ToArray())).ToDictionary(d => d.Id);
        var newMembers = events.Select(e => e.Data).SelectMany(data => data switch
        {
            PartnershipFormed formed => formed.MemberIds,
            MemberJoined joined => [joined.OrganizationId],
            _ => [],
        }).Distinct().ToArray();
        var organizations = newMembers.Length == 0 ? [] : (await operations.LoadManyAsync<Organization>(cancellation, newMembers)).ToDictionary(o => o.Id);

        foreach (var stream in streams)
        {
            var document = documents.GetValueOrDefault(stream.Key) ?? new PartnershipMaturity { Id = stream.Key };
            if (document.Version > 0 && document.KeptFields != evaluator.FactFields.Fingerprint)
                document = await FoldAgainAsync(operations, document, cancellation);
            // Events already applied (a replay, a restarted rebuild) are skipped, so applying twice changes nothing.
            foreach (var e in stream.Where(e => e.Version > document.Version).OrderBy(e => e.Version))
            {
                document.Record(e, evaluator.FactFields);
                document.Version = e.Version;
            }
            Complete(document, organizations, evaluator);
            operations.Store(document);
            operations.Store(MaturityTimeline.Of(document, evaluator));
        }
    }

    /// <summary>
    /// The document folded again from the events stored so far, keeping today's fact fields: its facts were kept for
    /// other evidence rules (a field the rules test now may be missing from them). The members' profiles stay.
    /// </summary>
    private async Task<PartnershipMaturity> FoldAgainAsync(IDocumentOperations operations, PartnershipMaturity stale, CancellationToken cancellation)
    {
        var folded = new PartnershipMaturity { Id = stale.Id, Profiles = stale.Profiles };
        foreach (var e in await operations.Events.FetchStreamAsync(stale.Id, stale.Version, token: cancellation))
        {
            folded.Record(e, evaluator.FactFields);
            folded.Version = e.Version;
        }
        // Fewer events than the document had folded (an archived or missing stream): keep what it has rather than lose it.
        return folded.Version == stale.Version ? folded : stale;
    }
}
