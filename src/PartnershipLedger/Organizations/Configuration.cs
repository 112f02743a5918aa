using JasperFx.Events.Projections;
using Marten;

namespace PartnershipLedger.Organizations;

public static class Configuration
{
    /// <summary>Organizations are folded inline: a command and the next read both see the latest state.</summary>
    public static void ConfigureOrganizations(this StoreOptions options)
    {
        options.Projections.Snapshot<Organization>(SnapshotLifecycle.Inline);
        // The partnerships filter on a partner type looks up the organizations of that type.
        options.Schema.For<Organization>().GinIndexJsonDataMember(x => x.PartnerTypes);
    }
}
