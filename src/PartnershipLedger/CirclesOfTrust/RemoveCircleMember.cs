using GraphQL.Types;
using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.CirclesOfTrust;

public sealed record RemoveCircleMember(Guid OrganizationId) : CircleCommand
{
    public IEnumerable<object> Decide(CircleOfTrust circle, Decision decision)
    {
        RequireCircleMember(circle, decision);
        decision.Require(circle.MemberIds.Contains(OrganizationId), "organizationId", "The organization is not in the circle.");
        decision.Require(circle.MemberIds.Count > 2 || !circle.MemberIds.Contains(OrganizationId), "organizationId", "A circle of trust keeps two or more members.");
        yield return new CircleMemberRemoved(circle.Id, OrganizationId, decision.OccurredAt);
    }
}

public static class RemoveCircleMemberHandler
{
    public static Task<Recorded> Handle(RemoveCircleMember command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordAsync<CircleOfTrust>(command, command.CircleId, clock.GetUtcNow(), command.Decide, cancellation);
}

public sealed class RemoveCircleMemberInput : CircleCommandInputGraphType<RemoveCircleMember>
{
    public RemoveCircleMemberInput() : base("RemoveCircleMemberInput", "An organization leaving a circle of trust.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organization leaving.");
        AddCommonFields();
    }
}
