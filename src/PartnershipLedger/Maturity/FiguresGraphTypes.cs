using GraphQL.Types;
using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Graph;

namespace PartnershipLedger.Maturity;

public sealed class MeetingCadenceGraphType : EnumerationGraphType<MeetingCadence>
{
    public MeetingCadenceGraphType()
    {
        Name = "MeetingCadence";
        Description = "How often the partners meet, judged by the median gap between meeting days: WEEKLY (at most 10 days), MONTHLY (45), QUARTERLY (100), IRREGULAR or NONE.";
    }
}

public sealed class MeetingRhythmGraphType : ObjectGraphType<MeetingRhythm>
{
    public MeetingRhythmGraphType()
    {
        Name = "MeetingRhythm";
        Description = "How often the partners meet (001: quarterly is good, monthly is great, weekly is Nirvana!) and whether the rhythm slipped. " +
                      "Meetings are partner meetings, joint plan reviews, pipeline reviews, executive briefings and support reviews; several on one day (UTC) are one meeting.";
        Field(x => x.Observed, type: typeof(NonNullGraphType<MeetingCadenceGraphType>)).Description("The cadence of the meetings in the 12 months before asOf.");
        Field(x => x.MeetingsLast12Months).Description("Days with a meeting in the 12 months before asOf.");
        Field(x => x.LastMeetingAt, type: typeof(InstantGraphType)).Description("The latest meeting at or before asOf, however old; null if the partners never met.");
        Field(x => x.DaysSinceLastMeeting, nullable: true).Description("Whole days from the latest meeting to asOf; null if the partners never met.");
        Field(x => x.Slipped).Description("True when the time since the latest meeting exceeds the observed cadence's longest gap (10, 45 or 100 days), or when the partners meet less often than in the 12 months before.");
        Field(x => x.Previous, type: typeof(NonNullGraphType<MeetingCadenceGraphType>)).Description("The cadence of the meetings in the 12 months before those: what the rhythm slipped from.");
        Field(x => x.NextMeetingDueBy, type: typeof(InstantGraphType)).Description("The latest meeting plus the observed cadence's longest gap: meet by then to keep the rhythm; null for IRREGULAR and NONE.");
        Field(x => x.Advice).Description("What to do, in the words of 001.");
    }
}

public sealed class ReciprocityGraphType : ObjectGraphType<Reciprocity>
{
    public ReciprocityGraphType()
    {
        Name = "Reciprocity";
        Description = "The two-way street (001: bad partnering is when someone takes and never gives): what each member gave and received in leads, resources and customer references.";
        Field(x => x.Members, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MemberReciprocityGraphType>>>)).Description("Each member organization (and any former member a flow names), with what it gave and received.");
        Field(x => x.Index, nullable: true).Description("1 - (sum over members of |given - received|) / (2 × flows), to 2 decimals: 1 when every member gives as much as it receives, 0 when one member only gives; null without flows.");
        Field(x => x.Balanced).Description("True when the index is 0.5 or more.");
    }
}

public sealed class MemberReciprocityGraphType : ObjectGraphType<MemberReciprocity>
{
    public MemberReciprocityGraphType()
    {
        Name = "MemberReciprocity";
        Description = "What one member organization gave to and received from the others.";
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization.");
        Field(x => x.LeadsGiven).Description("Leads it shared with another member.");
        Field(x => x.LeadsReceived).Description("Leads another member shared with it.");
        Field(x => x.ResourcesGiven).Description("Times it shared or subcontracted people to another member.");
        Field(x => x.ResourcesReceived).Description("Times another member shared or subcontracted people to it.");
        Field(x => x.ReferencesGiven).Description("Customer references it shared with another member.");
        Field(x => x.ReferencesReceived).Description("Customer references another member shared with it.");
        Field(x => x.Given).Description("Leads, resources and references it gave.");
        Field(x => x.Received).Description("Leads, resources and references it received.");
    }
}

public sealed class ReciprocityPointGraphType : ObjectGraphType<ReciprocityPoint>
{
    public ReciprocityPointGraphType()
    {
        Name = "ReciprocityPoint";
        Description = "The reciprocity of the flows inside one calendar period (UTC).";
        Field(x => x.PeriodStart, type: typeof(NonNullGraphType<InstantGraphType>)).Description("The first instant of the period.");
        Field(x => x.PeriodEnd, type: typeof(NonNullGraphType<InstantGraphType>)).Description("The end of the period: the first instant of the next one (exclusive).");
        Field(x => x.Index, nullable: true).Description("The reciprocity index of the period's flows (see Reciprocity.index); null without flows.");
        Field(x => x.Given).Description("Leads, resources and references the members gave in the period.");
        Field(x => x.Received).Description("Leads, resources and references the members received in the period (every flow is given by one member and received by another).");
    }
}

public sealed class AgreementReviewGraphType : ObjectGraphType<AgreementReview>
{
    public AgreementReviewGraphType()
    {
        Name = "AgreementReview";
        Description = "An agreement's yearly review (001: review the agreement every year): due one calendar year after its signing or latest review.";
        Field(x => x.AgreementId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The agreement (the eventId signAgreement returned).");
        Field(x => x.Kind, type: typeof(NonNullGraphType<AgreementKindGraphType>)).Description("What kind of agreement.");
        Field(x => x.Title, nullable: true).Description("Its title.");
        Field(x => x.SignedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When it was signed.");
        Field(x => x.LastReviewedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("Its latest review at or before asOf; the signing if it was never reviewed.");
        Field(x => x.ReviewDueAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When its next review is due: one calendar year after lastReviewedAt.");
        Field(x => x.Overdue).Description("True when the review is due at or before asOf and the agreement is in force (and the partnership has not ended).");
        Field(x => x.OverdueDays, nullable: true).Description("Whole days since the review fell due (0 at the due instant); null unless overdue.");
        Field(x => x.InForce).Description("Not terminated and not past the end of its expiry day (UTC) as of asOf.");
        Field(x => x.TerminatedAt, type: typeof(InstantGraphType)).Description("When it was terminated, at or before asOf; null otherwise.");
        Field(x => x.ExpiresOn, type: typeof(CalendarDateGraphType)).Description("The day it expires, if it does.");
    }
}
