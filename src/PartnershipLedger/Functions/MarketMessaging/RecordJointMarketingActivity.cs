using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.MarketMessaging;

/// <summary>One marketing activity the partners did with or for each other, from a logo on request to a joint event.</summary>
public sealed record RecordJointMarketingActivity(MarketingActivityKind Kind, string Description) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new JointMarketingActivityRecorded(partnership.Id, Kind, decision.RequiredText("description", Description), decision.OccurredAt);
    }
}

public static class RecordJointMarketingActivityHandler
{
    public static Task<Recorded> Handle(RecordJointMarketingActivity command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class MarketingActivityKindGraphType : EnumerationGraphType<MarketingActivityKind>
{
    public MarketingActivityKindGraphType()
    {
        Name = "MarketingActivityKind";
        Description = "What kind of joint marketing it was: ON_REQUEST (only when asked or for one opportunity: reactive), " +
            "PARTNER_RECOGNITION, WEBSITE_VISIBILITY and JOINT_MESSAGING (recognizing the partner and its capabilities, showing the partnership on websites, ad hoc joint messages: proactive), " +
            "JOINT_CAMPAIGN and JOINT_EVENT (going to market together: toward dynamic, fully integrated marketing).";
    }
}

public sealed class RecordJointMarketingActivityInput : PartnershipCommandInputGraphType<RecordJointMarketingActivity>
{
    public RecordJointMarketingActivityInput() : base("RecordJointMarketingActivityInput", "A marketing activity the partners did with or for each other.")
    {
        Field(x => x.Kind, type: typeof(NonNullGraphType<MarketingActivityKindGraphType>)).Description("What kind of activity it was.");
        Field(x => x.Description).Description("What was done, e.g. 'Joint booth at the Nordic Cloud Summit' or 'Partner logo added to our website'.");
        AddCommonFields();
    }
}
