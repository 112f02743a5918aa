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
    }
}
