using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ProductAndCustomerSupport;

/// <summary>A customer issue the partners track together. The id of the event recorded identifies the case.</summary>
public sealed record LogSupportCase(string Customer, string Summary, Guid ReportedByOrganizationId) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        decision.RequireMember(partnership, ReportedByOrganizationId, "reportedByOrganizationId");
        yield return new SupportCaseLogged(partnership.Id, decision.RequiredText("customer", Customer, Limits.Name),
            decision.RequiredText("summary", Summary), ReportedByOrganizationId, decision.OccurredAt);
    }
}

public static class LogSupportCaseHandler
{
    public static Task<Recorded> Handle(LogSupportCase command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class LogSupportCaseInput : PartnershipCommandInputGraphType<LogSupportCase>
{
    public LogSupportCaseInput() : base("LogSupportCaseInput", "A customer or product issue the partners track together; the eventId answered identifies the case, to resolve it later.")
    {
        Field(x => x.Customer).Description("The customer who has the issue.");
        Field(x => x.Summary).Description("What the issue is.");
        Field(x => x.ReportedByOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization the issue was reported to or by.");
        AddCommonFields();
    }
}
