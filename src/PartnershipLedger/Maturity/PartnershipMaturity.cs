using JasperFx.Events;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// A partnership's maturity read model (one document per partnership): the facts maturity is derived from. The
/// history of every level change as known now is derived from them and stored beside it as its
/// <see cref="MaturityTimeline"/>. Reads at any business instant take the level from the timeline; reads at an
/// earlier system instant (knownAt) re-evaluate the facts known then: never by replaying the stream.
/// </summary>
public sealed class PartnershipMaturity
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset FormedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public List<Guid> MemberIds { get; set; } = [];

    /// <summary>Home region and partner types of every organization that was ever a member.</summary>
    public Dictionary<Guid, MemberProfile> Profiles { get; set; } = [];

    /// <summary>Every partnership event as a fact, in the order recorded (stored by <see cref="MaturityFactsJsonConverter"/>).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(MaturityFactsJsonConverter))]
    public List<MaturityFact> Facts { get; set; } = [];

    /// <summary>
    /// The <see cref="FactFields.Fingerprint"/> of the fields its facts keep, set when the formation is recorded: "" in
    /// every document written before facts were trimmed (and in one started mid-stream), which the projection folds again.
    /// </summary>
    public string KeptFields { get; set; } = "";

    /// <summary>
    /// Every change of level, evidenced and assessed, all functions, by business time (as known now), once derived
    /// (<see cref="PartnershipMaturityProjection.Complete"/>). Not stored here: it is stored as the partnership's
    /// <see cref="MaturityTimeline"/>. A loaded document has it only when <see cref="HasHistory"/> (the whole-document
    /// loader, <see cref="MaturityTimeline.LoadDocumentsAsync"/>, sets it from a current timeline); otherwise it is empty.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<MaturityChange> History { get; private set; } = [];

    /// <summary>Whether <see cref="History"/> holds the history of these facts under today's rules (derived, or its stored timeline).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasHistory { get; private set; }

    /// <summary>Takes <paramref name="history"/> as the history of these facts under today's rules (derived, or its current stored timeline).</summary>
    public void UseHistory(List<MaturityChange> history) => (History, HasHistory) = (history, true);

    /// <summary>Derives the history of these facts under <paramref name="evaluator"/>'s rules and takes it (<see cref="UseHistory"/>).</summary>
    public void DeriveHistory(MaturityEvaluator evaluator) => UseHistory(evaluator.History(this));

    public sealed record MemberProfile(string HomeRegion, List<PartnerType> PartnerTypes);

    /// <summary>Folds an event in: membership and state as they change, each partnership event as a fact keeping <paramref name="fields"/>.</summary>
    public void Record(IEvent e, FactFields fields)
    {
        switch (e.Data)
        {
            case PartnershipFormed formed:
                Id = formed.PartnershipId;
                KeptFields = fields.Fingerprint;
                Name = formed.Name;
                FormedAt = formed.OccurredAt;
                MemberIds = formed.MemberIds.ToList();
                break;
            case MemberJoined joined: MemberIds.Add(joined.OrganizationId); break;
            case MemberLeft left: MemberIds.Remove(left.OrganizationId); break;
            case PartnershipEnded ended: EndedAt = ended.OccurredAt; break;
            case EventRetracted retraction:
                // A loop, not FirstOrDefault with a lambda: its closure would be allocated at every event this method folds.
                foreach (var retracted in Facts)
                    if (retracted.EventId == retraction.RetractedEventId)
                    {
                        retracted.RetractedAt = MaturityFact.AsStored(e.Timestamp);
                        break;
                    }
                return;
        }
        if (e.Data is IPartnershipEvent fact) Facts.Add(MaturityFact.From(e, fact.OccurredAt, fields));
    }

    /// <summary>The facts the ledger counted at system time <paramref name="knownAt"/> (null: now), by type.</summary>
    public ILookup<string, MaturityFact> Standing(DateTimeOffset? knownAt) =>
        Facts.Where(fact => fact.StandsAt(knownAt)).ToLookup(fact => fact.Type);
}
