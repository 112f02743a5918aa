using JasperFx.Events;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Import;

/// <summary>
/// The decision states of every stream (Marten's inline snapshots: Organization, CircleOfTrust, Partnership) folded in
/// memory with their own Create/Apply methods, versions as Marten sets them: what an import decides on, and documents
/// an import or an in-memory rebuild stores.
/// </summary>
public sealed class DecisionStates
{
    private readonly Dictionary<Guid, Organization> organizations = [];
    private readonly Dictionary<Guid, CircleOfTrust> circles = [];
    private readonly Dictionary<Guid, Partnership> partnerships = [];

    public IReadOnlyDictionary<Guid, Organization> Organizations => organizations;
    public IReadOnlyDictionary<Guid, CircleOfTrust> Circles => circles;
    public IReadOnlyDictionary<Guid, Partnership> Partnerships => partnerships;

    /// <summary>Takes a finished partnership's state out (its last event is folded): it is written, then forgotten.</summary>
    public Partnership? ReleasePartnership(Guid id) => partnerships.Remove(id, out var partnership) ? partnership : null;

    /// <summary>Folds <paramref name="e"/> into its stream's state, by the kind of stream its event belongs to.</summary>
    public void Fold(IEvent e)
    {
        switch (e.Data)
        {
            case IPartnershipEvent:
                (partnerships[e.StreamId] = StreamFold.Apply(partnerships.GetValueOrDefault(e.StreamId), e)).Version = e.Version;
                break;
            case OrganizationRegistered or OrganizationRenamed or OrganizationUserAdded or OrganizationUserRemoved:
                (organizations[e.StreamId] = StreamFold.Apply(organizations.GetValueOrDefault(e.StreamId), e)).Version = e.Version;
                break;
            case CircleOfTrustFormed or CircleMemberAdded or CircleMemberRemoved:
                (circles[e.StreamId] = StreamFold.Apply(circles.GetValueOrDefault(e.StreamId), e)).Version = e.Version;
                break;
        }
    }
}
