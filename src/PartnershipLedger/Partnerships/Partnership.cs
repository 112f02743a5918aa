using System.Text.Json.Serialization;
using JasperFx.Events;

namespace PartnershipLedger.Partnerships;

public enum PartnershipStatus { Active, Paused, Ended }

/// <summary>
/// The decision state of a partnership (an inline snapshot of its stream): just what commands check —
/// members, status, and the facts later facts refer to. Read models are separate (<see cref="PartnershipSummary"/>).
/// </summary>
public sealed class Partnership : Access.IHasMembers
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public List<Guid> Members { get; set; } = [];
    public PartnershipStatus Status { get; set; }
    public DateTimeOffset FormedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Every event of the stream by id: what it was, when, what it is about, whether it was retracted.</summary>
    public Dictionary<Guid, Fact> Facts { get; set; } = [];
    public Dictionary<Guid, Lead> Leads { get; set; } = [];
    public Dictionary<Guid, Agreement> Agreements { get; set; } = [];
    public Dictionary<Guid, DateTimeOffset> JointPlans { get; set; } = [];
    public Dictionary<Guid, SupportCase> SupportCases { get; set; } = [];

    /// <summary>
    /// A remembered event: what it was, when, the lead, agreement... it is about (most facts have none), and whether it was
    /// retracted. Stored as one string (<see cref="PartnershipFactJsonConverter"/>).
    /// </summary>
    [JsonConverter(typeof(PartnershipFactJsonConverter))]
    public sealed record Fact(string Type, DateTimeOffset OccurredAt, Guid? Subject, bool Retracted = false);

    public sealed record Lead(Guid FromOrganizationId, Guid ToOrganizationId, DateTimeOffset SharedAt, LeadStatus Status, List<StageChange> Stages)
    {
        public OpportunityStage? Stage => Stages.Count > 0 ? Stages[^1].Stage : null;
    }

    public sealed record StageChange(Guid EventId, OpportunityStage Stage, DateTimeOffset At);

    /// <param name="TerminatedAt">When it was terminated (business time); null in states stored before it was kept, or not terminated.</param>
    /// <param name="ExpiresOn">The day it expires; null when it does not, or in states stored before it was kept (until a rebuild).</param>
    public sealed record Agreement(
        AgreementKind Kind, DateTimeOffset SignedAt, List<DateTimeOffset> ReviewedAt, bool Terminated, List<DateTimeOffset> OverdueSince,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? TerminatedAt = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ExpiresOn = null)
    {
        /// <summary>Whether it was terminated at or before <paramref name="instant"/> (a termination of unknown date: yes).</summary>
        private bool TerminatedBy(DateTimeOffset instant) => Terminated && (TerminatedAt is not { } at || at <= instant);

        /// <summary>Whether it is in force at <paramref name="instant"/>: neither terminated by then nor expired.</summary>
        public bool InForceAt(DateTimeOffset instant) => !TerminatedBy(instant) && !ExpiredBy(instant);

        /// <summary>Whether it had expired at <paramref name="instant"/> (one without an expiry day never does).</summary>
        public bool ExpiredBy(DateTimeOffset instant) => Expired(ExpiresOn, instant);

        /// <summary>Whether an agreement expiring on <paramref name="expiresOn"/> (null: never) had expired at <paramref name="instant"/>.</summary>
        public static bool Expired(DateOnly? expiresOn, DateTimeOffset instant) => expiresOn is { } day && EndOf(day) <= instant;

        /// <summary>An agreement stops being in force at the end of its expiry day (UTC): the one rule, for decisions and maturity alike.</summary>
        public static DateTimeOffset EndOf(DateOnly expiresOn) =>
            expiresOn == DateOnly.MaxValue ? DateTimeOffset.MaxValue : new(expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        /// <summary>When it was last signed or reviewed as of <paramref name="instant"/>: its yearly review is due a year later.</summary>
        public DateTimeOffset LastReviewedAt(DateTimeOffset instant) =>
            ReviewedAt.Where(review => review <= instant).DefaultIfEmpty(SignedAt).Max();
    }

    public sealed record SupportCase(DateTimeOffset LoggedAt, bool Resolved);

    IReadOnlyCollection<Guid> Access.IHasMembers.MemberOrganizations => Members;

    public bool IsMember(Guid? organization) => organization is { } id && Members.Contains(id);

    public static Partnership Create(IEvent<PartnershipFormed> e) => new Partnership
    {
        Id = e.Data.PartnershipId,
        Name = e.Data.Name,
        Members = e.Data.MemberIds.ToList(),
        FormedAt = e.Data.OccurredAt,
    }.Remember(e);

    public void Apply(IEvent<MemberJoined> e) => Remember(e).Members.Add(e.Data.OrganizationId);
    public void Apply(IEvent<MemberLeft> e) => Remember(e).Members.Remove(e.Data.OrganizationId);
    public void Apply(IEvent<PartnershipPaused> e) => Remember(e).Status = PartnershipStatus.Paused;
    public void Apply(IEvent<PartnershipResumed> e) => Remember(e).Status = PartnershipStatus.Active;

    public void Apply(IEvent<PartnershipEnded> e)
    {
        Remember(e).Status = PartnershipStatus.Ended;
        EndedAt = e.Data.OccurredAt;
    }

    public void Apply(IEvent<JointPlanCreated> e) => Remember(e).JointPlans[e.Id] = e.Data.OccurredAt;
    public void Apply(IEvent<LeadShared> e) =>
        Remember(e).Leads[e.Id] = new Lead(e.Data.FromOrganizationId, e.Data.ToOrganizationId, e.Data.OccurredAt, LeadStatus.Shared, []);
    public void Apply(IEvent<LeadAccepted> e) => Remember(e, e.Data.LeadId).SetLead(e.Data.LeadId, LeadStatus.Accepted);
    public void Apply(IEvent<LeadDeclined> e) => Remember(e, e.Data.LeadId).SetLead(e.Data.LeadId, LeadStatus.Declined);
    public void Apply(IEvent<OpportunityStageChanged> e) =>
        Remember(e, e.Data.LeadId).Leads[e.Data.LeadId].Stages.Add(new StageChange(e.Id, e.Data.Stage, e.Data.OccurredAt));
    public void Apply(IEvent<AgreementSigned> e) =>
        Remember(e).Agreements[e.Id] = new Agreement(e.Data.Kind, e.Data.OccurredAt, [], false, [], ExpiresOn: e.Data.ExpiresOn);
    public void Apply(IEvent<AgreementReviewed> e) => Remember(e, e.Data.AgreementId).Agreements[e.Data.AgreementId].ReviewedAt.Add(e.Data.OccurredAt);
    public void Apply(IEvent<AgreementTerminated> e) =>
        Remember(e, e.Data.AgreementId).Agreements[e.Data.AgreementId] = Agreements[e.Data.AgreementId] with { Terminated = true, TerminatedAt = e.Data.OccurredAt };
    public void Apply(IEvent<AgreementReviewOverdue> e) => Remember(e, e.Data.AgreementId).Agreements[e.Data.AgreementId].OverdueSince.Add(e.Data.DueAt);
    public void Apply(IEvent<SupportCaseLogged> e) => Remember(e).SupportCases[e.Id] = new SupportCase(e.Data.OccurredAt, false);
    public void Apply(IEvent<SupportCaseResolved> e) =>
        Remember(e, e.Data.CaseId).SupportCases[e.Data.CaseId] = SupportCases[e.Data.CaseId] with { Resolved = true };

    /// <summary>Retraction undoes, in the decision state, what the retracted fact did.</summary>
    public void Apply(IEvent<EventRetracted> e)
    {
        Remember(e);
        var retracted = Facts[e.Data.RetractedEventId];
        Facts[e.Data.RetractedEventId] = retracted with { Retracted = true };
        switch (retracted.Type)
        {
            case nameof(LeadShared): Leads.Remove(e.Data.RetractedEventId); break;
            case nameof(LeadAccepted) or nameof(LeadDeclined): SetLead(retracted.Subject!.Value, LeadStatus.Shared); break;
            case nameof(AgreementSigned): Agreements.Remove(e.Data.RetractedEventId); break;
            case nameof(AgreementReviewed): Agreements[retracted.Subject!.Value].ReviewedAt.Remove(retracted.OccurredAt); break;
            case nameof(AgreementTerminated): Agreements[retracted.Subject!.Value] = Agreements[retracted.Subject!.Value] with { Terminated = false, TerminatedAt = null }; break;
            case nameof(OpportunityStageChanged): Leads[retracted.Subject!.Value].Stages.RemoveAll(change => change.EventId == e.Data.RetractedEventId); break;
            case nameof(AgreementReviewOverdue): Agreements[retracted.Subject!.Value].OverdueSince.Remove(retracted.OccurredAt); break;
            case nameof(JointPlanCreated): JointPlans.Remove(e.Data.RetractedEventId); break;
            case nameof(SupportCaseLogged): SupportCases.Remove(e.Data.RetractedEventId); break;
            case nameof(SupportCaseResolved): SupportCases[retracted.Subject!.Value] = SupportCases[retracted.Subject!.Value] with { Resolved = false }; break;
        }
    }

    /// <summary>Every other event: only remembered, so that it can be retracted.</summary>
    public void Apply(IEvent<IPartnershipEvent> e) => Remember(e);

    private Partnership Remember(IEvent e, Guid? subject = null)
    {
        Facts[e.Id] = new Fact(e.Data.GetType().Name, ((IPartnershipEvent)e.Data).OccurredAt, subject);
        return this;
    }

    private void SetLead(Guid lead, LeadStatus status) => Leads[lead] = Leads[lead] with { Status = status };
}

public enum LeadStatus { Shared, Accepted, Declined }
