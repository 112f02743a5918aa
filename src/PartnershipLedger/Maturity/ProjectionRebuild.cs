using JasperFx.Events.Daemon;
using Marten;

namespace PartnershipLedger.Maturity;

/// <summary>
/// Rebuilds every derived document from the events, in dependency order: the partnership read models and maturity
/// histories first (inline projections), then the portfolio trend buckets, which are computed from those histories.
/// </summary>
public static class ProjectionRebuild
{
    public static async Task RebuildAllAsync(IDocumentStore store, IProjectionCoordinator coordinator, CancellationToken cancellation)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        foreach (var derived in new[] { typeof(PartnershipMaturity), typeof(MaturityTrendBucket), typeof(PartnershipTrendContribution) })
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(derived, cancellation);
        foreach (var projection in new[] { "Partnership", "PartnershipSummary", "Organization", "CircleOfTrust", PartnershipMaturityProjection.Name })
            await daemon.RebuildProjectionAsync(projection, cancellation);
        await daemon.RebuildProjectionAsync(MaturityTrendProjection.Name, cancellation);
    }
}
