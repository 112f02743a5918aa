using GraphQL.Types;
using PartnershipLedger.Graph;

namespace PartnershipLedger.Audit;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One recorded fact: what happened, who recorded it for which organization, when it happened and when it was recorded.";
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The event's id; facts that refer to it (accepting a lead, reviewing an agreement) use this id.");
        Field(x => x.StreamId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The stream (partnership, organization) it belongs to.");
        Field(x => x.Sequence, type: typeof(NonNullGraphType<IntGraphType>)).Description("Its position in the whole ledger, in recording order.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("Its position in its stream.");
        Field(x => x.Type).Description("The event type, e.g. LeadShared (see schema/events.md).");
        Field(x => x.Summary).Description("A one-line description for people.");
        Field(x => x.Actor).Description("The user who recorded it.");
        Field(x => x.OrganizationId, type: typeof(IdGraphType)).Description("The organization the user acted for; null for facts the ledger recorded itself.");
        Field(x => x.OccurredAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("Business time: when it happened.");
        Field(x => x.RecordedAt, type: typeof(NonNullGraphType<InstantGraphType>)).Description("System time: when the ledger recorded it.");
        Field(x => x.CorrelationId, nullable: true).Description("The request it was recorded in.");
        Field(x => x.CausationId, nullable: true).Description("The command that caused it (the command id when the client sent one).");
        Field(x => x.RetractsEventId, type: typeof(IdGraphType)).Description("For a retraction: the event it retracts.");
    }
}

public sealed class AuditEdgeGraphType : ObjectGraphType<Edge<AuditEntry>>
{
    public AuditEdgeGraphType()
    {
        Name = "AuditEdge";
        Description = "An audit entry in a page.";
        Field(x => x.Cursor).Description("Where this entry is: pass it as `after` to get the entries that follow.");
        Field<NonNullGraphType<AuditEntryGraphType>>("node").Description("The entry.").Resolve(context => context.Source.Node);
    }
}

public sealed class AuditConnectionGraphType : ObjectGraphType<Connection<AuditEntry>>
{
    public AuditConnectionGraphType()
    {
        Name = "AuditConnection";
        Description = "A page of audit entries, in recording order.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEdgeGraphType>>>>("edges").Description("The entries of this page.").Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Whether more entries follow.").Resolve(context => context.Source.PageInfo);
        Field(x => x.TotalCount).Description("How many entries there are in all.");
    }
}

public sealed class ChainBreakGraphType : EnumerationGraphType<ChainBreak>
{
    public ChainBreakGraphType()
    {
        Name = "ChainBreak";
        Description = "Why a stored event breaks its stream's hash chain.";
    }
}

public sealed class BrokenLinkGraphType : ObjectGraphType<BrokenLink>
{
    public BrokenLinkGraphType()
    {
        Name = "BrokenLink";
        Description = "The first place a stream's hash chain breaks.";
        Field(x => x.StreamId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The stream (partnership, organization, circle of trust) whose chain breaks.");
        Field(x => x.Version, type: typeof(NonNullGraphType<IntGraphType>)).Description("The stream version where it breaks (for a deleted event: the missing version).");
        Field(x => x.EventId, type: typeof(IdGraphType)).Description("The event that breaks it; null when the event at that version is missing.");
        Field(x => x.Sequence, type: typeof(IntGraphType)).Description("That event's position in the whole ledger; null when it is missing.");
        Field(x => x.Type, nullable: true).Description("That event's type (see schema/events.md); null when it is missing.");
        Field(x => x.Reason, type: typeof(NonNullGraphType<ChainBreakGraphType>)).Description("Why the chain breaks there.");
        Field(x => x.Detail).Description("The break explained for people.");
    }
}

public sealed class LedgerCheckGraphType : ObjectGraphType<LedgerCheck>
{
    public LedgerCheckGraphType()
    {
        Name = "LedgerVerification";
        Description = "Whether the stored events still carry an intact hash chain: nothing altered, removed or re-linked behind the ledger's back.";
        Field(x => x.Intact).Description("True when every chain checked is intact.");
        Field(x => x.EventsChecked).Description("How many stored events were checked.");
        Field(x => x.StreamsChecked).Description("How many streams were checked.");
        Field(x => x.FirstBrokenLink, type: typeof(BrokenLinkGraphType)).Description("The first break in recording order; null when intact.");
    }
}
