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
