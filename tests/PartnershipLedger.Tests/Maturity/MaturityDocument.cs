using JasperFx.Events;
using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Tests.Decisions.Given;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>
/// A partnership's maturity document built in memory, event by event as the inline projection records them, for
/// pure tests of the figures read from it: Contoso and Fabrikam, formed at <see cref="Given.FormedAt"/>.
/// </summary>
public sealed class MaturityDocument
{
    public PartnershipMaturity Document { get; } = new();

    public MaturityDocument() => Record(new PartnershipFormed(PartnershipId, "Nordic", [Contoso, Fabrikam], FormedAt));

    /// <summary>Records a fact, by default at its business time, and returns its event id.</summary>
    public Guid Record(IPartnershipEvent data, DateTimeOffset? recordedAt = null)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Id = Guid.NewGuid();
        e.Timestamp = recordedAt ?? data.OccurredAt;
        Document.Record(e, Evidence.Evaluator.FactFields);
        return e.Id;
    }

    public MaturityDocument With(params IPartnershipEvent[] facts)
    {
        foreach (var fact in facts) Record(fact);
        return this;
    }

    public void Retract(Guid eventId, DateTimeOffset recordedAt) =>
        Record(new EventRetracted(PartnershipId, eventId, "", "a mistake", recordedAt), recordedAt);
}
