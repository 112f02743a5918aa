using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using Wolverine;

namespace PartnershipLedger.Functions.Agreement;

/// <summary>
/// A durable reminder (a Wolverine scheduled message, stored in PostgreSQL) that fires when an agreement's
/// yearly review falls due: a year after the signing or review that scheduled it.
/// </summary>
public sealed record AgreementReviewDue(Guid PartnershipId, Guid AgreementId, DateTimeOffset DueAt)
{
    public static DateTimeOffset DueAfter(DateTimeOffset reviewedAt) => reviewedAt.AddYears(1);

    /// <summary>
    /// The reminder for a signing or review at <paramref name="reviewedAt"/> of an agreement expiring on
    /// <paramref name="expiresOn"/> (null: never); none when it is <see cref="Owed">not owed</see>. When that is
    /// back-filled history whose due instant has already passed, the reminder waits <paramref name="grace"/> after
    /// <paramref name="now"/>, so that reviews being back-filled in the same session are recorded before it decides.
    /// </summary>
    public static OutgoingMessages Schedule(Recorded recorded, Guid agreementId, DateTimeOffset reviewedAt, DateOnly? expiresOn, DateTimeOffset now, TimeSpan grace)
    {
        var messages = new OutgoingMessages();
        if (!recorded.Replayed && agreementId != default)
        {
            var due = For(recorded.StreamId, agreementId, reviewedAt);
            if (due.Owed(expiresOn)) messages.Schedule(due, due.FiresAt(now, grace));
        }
        return messages;
    }

    /// <summary>
    /// Whether a review can fall due at all for an agreement expiring on <paramref name="expiresOn"/>: not when it has
    /// expired by the due instant (it would decide nothing when it fires, <see cref="Decide"/>). A termination, unlike an
    /// expiry, may still be retracted, so a terminated agreement keeps its reminders.
    /// </summary>
    public bool Owed(DateOnly? expiresOn) => !Partnerships.Partnership.Agreement.Expired(expiresOn, DueAt);

    /// <summary>The reminder for a signing or review at <paramref name="reviewedAt"/>: due a year later.</summary>
    public static AgreementReviewDue For(Guid partnershipId, Guid agreementId, DateTimeOffset reviewedAt) => new(partnershipId, agreementId, DueAfter(reviewedAt));

    /// <summary>When it fires, scheduled at <paramref name="now"/>: when due, or after the grace when that has passed.</summary>
    public DateTimeOffset FiresAt(DateTimeOffset now, TimeSpan grace) => DueAt > now ? DueAt : now + grace;

    /// <summary>
    /// Overdue when, at the due instant, the agreement is in force (not terminated by then: a back-filled termination
    /// after the due instant does not undo that the review was overdue; not expired: an agreement that ran out before its
    /// review came due owes none) and its last signing or review before that instant is a year old or more — no newer
    /// review came in. Recorded once per due instant.
    /// </summary>
    public IEnumerable<object> Decide(Partnership partnership)
    {
        if (!partnership.Agreements.TryGetValue(AgreementId, out var agreement) || !agreement.InForceAt(DueAt)) yield break;
        if (partnership.EndedAt is { } ended && ended <= DueAt) yield break;
        if (DueAfter(agreement.LastReviewedAt(DueAt)) > DueAt || agreement.OverdueSince.Contains(DueAt)) yield break;
        yield return new AgreementReviewOverdue(PartnershipId, AgreementId, DueAt, DueAt);
    }
}

/// <summary>How long a reminder already due when scheduled (back-filled history) waits before deciding (setting Ledger:ReminderGrace).</summary>
public sealed record ReminderGrace(TimeSpan Delay);

public static class AgreementReviewDueHandler
{
    public static async Task Handle(AgreementReviewDue reminder, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Partnership>(reminder.PartnershipId, cancellation);
        if (stream.Aggregate is null) return;
        var events = reminder.Decide(stream.Aggregate).ToList();
        if (events.Count == 0) return;
        var version = stream.CurrentVersion ?? 0;
        session.StampMetadata(Actor.Ledger);
        stream.AppendMany(events);
        await session.ChainAsync(Actor.Ledger, reminder.PartnershipId, version, stream.Events, cancellation);
    }
}
