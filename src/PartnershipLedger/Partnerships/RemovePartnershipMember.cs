using GraphQL.Types;
using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

public sealed record RemovePartnershipMember(Guid OrganizationId) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, OrganizationId, "organizationId");
        decision.Require(partnership.Members.Count > 2 || !partnership.Members.Contains(OrganizationId), "organizationId",
            "A partnership keeps two or more members: end the partnership instead.");
        yield return new MemberLeft(partnership.Id, OrganizationId, decision.OccurredAt);
    }
}

public static class RemovePartnershipMemberHandler
{
    public static Task<Recorded> Handle(RemovePartnershipMember command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class RemovePartnershipMemberInput : PartnershipCommandInputGraphType<RemovePartnershipMember>
{
    public RemovePartnershipMemberInput() : base("RemovePartnershipMemberInput", "A member organization leaving a partnership.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The organization leaving.");
        AddCommonFields();
    }
}
