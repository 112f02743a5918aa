using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.Agreement;

public sealed record TerminateAgreement(Guid AgreementId, string? Reason) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        if (!partnership.Agreements.TryGetValue(AgreementId, out var agreement))
        {
            decision.Require(false, "agreementId", $"No agreement {AgreementId} was signed in this partnership.");
            yield break;
        }
        decision.Require(!agreement.Terminated, "agreementId", "The agreement is already terminated.");
        decision.NotBefore(agreement.SignedAt, "the agreement was signed");
        yield return new AgreementTerminated(partnership.Id, AgreementId, decision.Text("reason", Reason), decision.OccurredAt);
    }
}

public static class TerminateAgreementHandler
{
    public static Task<Recorded> Handle(TerminateAgreement command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class TerminateAgreementInput : PartnershipCommandInputGraphType<TerminateAgreement>
{
    public TerminateAgreementInput() : base("TerminateAgreementInput", "An agreement ended before or at its expiry.")
    {
        Field(x => x.AgreementId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The agreement (the eventId signAgreement returned).");
        Field(x => x.Reason, nullable: true).Description("Why.");
        AddCommonFields();
    }
}
