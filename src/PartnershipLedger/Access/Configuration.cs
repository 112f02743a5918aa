using JasperFx.Events.Projections;
using Marten;

namespace PartnershipLedger.Access;

public static class Configuration
{
    /// <summary>Tokens are folded inline: a revocation holds for the very next request.</summary>
    public static void ConfigureAccess(this StoreOptions options) =>
        options.Projections.Snapshot<AccessToken>(SnapshotLifecycle.Inline);
}
