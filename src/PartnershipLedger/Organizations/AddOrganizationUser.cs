using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Organizations;

public sealed record AddOrganizationUser(string User) : OrganizationCommand
{
    public IEnumerable<object> Decide(Organization organization, Decision decision)
    {
        RequireOwnOrganization(decision);
        var user = decision.RequiredText("user", User, Limits.Name);
        decision.Require(!organization.Users.Contains(user), "user", $"{user} is already a user of {organization.Name}.");
        yield return new OrganizationUserAdded(organization.Id, user, decision.OccurredAt);
    }
}

public static class AddOrganizationUserHandler
{
    public static Task<Recorded> Handle(AddOrganizationUser command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordAsync<Organization>(command, command.OrganizationId, clock.GetUtcNow(), command.Decide, cancellation);
}

public sealed class AddOrganizationUserInput : OrganizationCommandInputGraphType<AddOrganizationUser>
{
    public AddOrganizationUserInput() : base("AddOrganizationUserInput", "A person who records facts for the organization.")
    {
        Field(x => x.User).Description("The user's name or e-mail, as it appears on the facts they record.");
        AddCommonFields();
    }
}
