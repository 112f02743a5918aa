using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ProductAndCustomerSupport;

/// <summary>A CRM or PSA system the partners share to track and resolve customer and product issues.</summary>
public sealed record AdoptSharedCrm(string System) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new SharedCrmAdopted(partnership.Id, decision.RequiredText("system", System, Limits.Name), decision.OccurredAt);
    }
}

public static class AdoptSharedCrmHandler
{
    public static Task<Recorded> Handle(AdoptSharedCrm command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AdoptSharedCrmInput : PartnershipCommandInputGraphType<AdoptSharedCrm>
{
    public AdoptSharedCrmInput() : base("AdoptSharedCrmInput", "A CRM or PSA system the partners share to track and resolve customer and product issues.")
    {
        Field(x => x.System).Description("The system, e.g. 'Dynamics 365 Customer Service'.");
        AddCommonFields();
    }
}
