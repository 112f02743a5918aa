using JasperFx.Events.Projections;
using Marten;

namespace PartnershipLedger.Partnerships;

public static class Configuration
{
    /// <summary>
    /// Both inline: the decision state must be current for the next command, and a mutation's payload reads
    /// the summary in the same request.
    /// </summary>
    public static void ConfigurePartnerships(this StoreOptions options)
    {
        options.Projections.Snapshot<Partnership>(SnapshotLifecycle.Inline);
        options.Projections.Add<PartnershipSummaryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PartnershipSummary>()
            .GinIndexJsonDataMember(x => x.MemberIds, MemberIdsIndex)
            .Index(x => x.Name);
    }

    /// <summary>
    /// A GIN index over a document's MemberIds with the default jsonb_ops operator class rather than Marten's
    /// jsonb_path_ops: the member filters ask "contains this id" (@>) and "contains any of these ids" (?|), and only
    /// jsonb_ops serves both.
    /// </summary>
    public static void MemberIdsIndex(Marten.Schema.DocumentIndex index) => index.Mask = "(? -> 'MemberIds')";
}
