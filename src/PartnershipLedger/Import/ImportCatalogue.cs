using System.Reflection;
using System.Text;
using PartnershipLedger.Assessments;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Functions.CustomerRelationships;
using PartnershipLedger.Functions.Geography;
using PartnershipLedger.Functions.JointBusinessPlanning;
using PartnershipLedger.Functions.LeadsAndPipeline;
using PartnershipLedger.Functions.MarketMessaging;
using PartnershipLedger.Functions.ProductAndCustomerSupport;
using PartnershipLedger.Functions.ReadinessAndCertification;
using PartnershipLedger.Functions.ResourceUtilization;
using PartnershipLedger.Functions.SalesCompensation;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>The kind of stream an import record belongs to.</summary>
public enum ImportStream { Organization, CircleOfTrust, Partnership }

/// <summary>
/// Which command records each importable event: an import record names the event type (as in schema/events.md) and
/// carries that command's fields, so that every record is checked by the command's own decision and stored as the
/// event the decision takes. <c>schema/import-format.md</c> is partly printed from this table; a test keeps them in step.
/// </summary>
public static class ImportCatalogue
{
    public sealed record Entry(Type Event, Type Command, ImportStream Stream, bool StartsStream);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        Start<OrganizationRegistered, RegisterOrganization>(ImportStream.Organization),
        On<OrganizationRenamed, RenameOrganization>(ImportStream.Organization),
        On<OrganizationUserAdded, AddOrganizationUser>(ImportStream.Organization),
        On<OrganizationUserRemoved, RemoveOrganizationUser>(ImportStream.Organization),
        Start<CircleOfTrustFormed, FormCircleOfTrust>(ImportStream.CircleOfTrust),
        On<CircleMemberAdded, AddCircleMember>(ImportStream.CircleOfTrust),
        On<CircleMemberRemoved, RemoveCircleMember>(ImportStream.CircleOfTrust),
        Start<PartnershipFormed, FormPartnership>(ImportStream.Partnership),
        On<MemberJoined, AddPartnershipMember>(ImportStream.Partnership),
        On<MemberLeft, RemovePartnershipMember>(ImportStream.Partnership),
        On<PartnershipPaused, PausePartnership>(ImportStream.Partnership),
        On<PartnershipResumed, ResumePartnership>(ImportStream.Partnership),
        On<PartnershipEnded, EndPartnership>(ImportStream.Partnership),
        On<EventRetracted, RetractEvent>(ImportStream.Partnership),
        On<JointPlanCreated, CreateJointPlan>(ImportStream.Partnership),
        On<JointPlanReviewed, ReviewJointPlan>(ImportStream.Partnership),
        On<PartnerMeetingHeld, HoldPartnerMeeting>(ImportStream.Partnership),
        On<ExecutiveBriefingHeld, HoldExecutiveBriefing>(ImportStream.Partnership),
        On<LeadShared, ShareLead>(ImportStream.Partnership),
        On<LeadAccepted, AcceptLead>(ImportStream.Partnership),
        On<LeadDeclined, DeclineLead>(ImportStream.Partnership),
        On<OpportunityStageChanged, ChangeOpportunityStage>(ImportStream.Partnership),
        On<PipelineReviewHeld, HoldPipelineReview>(ImportStream.Partnership),
        On<AgreementSigned, SignAgreement>(ImportStream.Partnership),
        On<AgreementReviewed, ReviewAgreement>(ImportStream.Partnership),
        On<AgreementTerminated, TerminateAgreement>(ImportStream.Partnership),
        On<CompensationPlanRecorded, RecordCompensationPlan>(ImportStream.Partnership),
        On<JointMarketingActivityRecorded, RecordJointMarketingActivity>(ImportStream.Partnership),
        On<JointMarketingPlanAdopted, AdoptJointMarketingPlan>(ImportStream.Partnership),
        On<MarketAccessGained, RecordMarketAccess>(ImportStream.Partnership),
        On<CoveragePlanAdopted, AdoptCoveragePlan>(ImportStream.Partnership),
        On<ResourcesShared, ShareResources>(ImportStream.Partnership),
        On<ResourcesSubcontracted, SubcontractResources>(ImportStream.Partnership),
        On<RateCardAgreed, AgreeRateCard>(ImportStream.Partnership),
        On<JointResourcePlanAdopted, AdoptJointResourcePlan>(ImportStream.Partnership),
        On<JointTrainingHeld, HoldJointTraining>(ImportStream.Partnership),
        On<CertificationPlanAgreed, AgreeCertificationPlan>(ImportStream.Partnership),
        On<CertificationEarned, RecordCertificationEarned>(ImportStream.Partnership),
        On<SupportCaseLogged, LogSupportCase>(ImportStream.Partnership),
        On<SupportCaseResolved, ResolveSupportCase>(ImportStream.Partnership),
        On<SupportContactAssigned, AssignSupportContact>(ImportStream.Partnership),
        On<SupportReviewHeld, HoldSupportReview>(ImportStream.Partnership),
        On<SharedCrmAdopted, AdoptSharedCrm>(ImportStream.Partnership),
        On<CustomerMeetingHeld, HoldCustomerMeeting>(ImportStream.Partnership),
        On<CsatSurveyLogged, LogCsatSurvey>(ImportStream.Partnership),
        On<CustomerReferenceShared, ShareCustomerReference>(ImportStream.Partnership),
        On<CustomerIssueJointlyOwned, TakeJointOwnershipOfCustomerIssue>(ImportStream.Partnership),
        On<SelfAssessmentRecorded, RecordSelfAssessment>(ImportStream.Partnership),
    ];

    /// <summary>Events an import never records, and why.</summary>
    public static IReadOnlyDictionary<Type, string> NotImportable { get; } = new Dictionary<Type, string>
    {
        [typeof(AgreementReviewOverdue)] = "is recorded by the ledger itself when a review reminder falls due",
        [typeof(Access.TokenIssued)] = "is access control, not history: tokens are issued with ops/run -- token or the issueToken mutation",
        [typeof(Access.TokenRevoked)] = "is access control, not history: tokens are revoked with ops/run -- token or the revokeToken mutation",
        [typeof(Access.AccessDenied)] = "is recorded by the ledger itself when it refuses a token's holder",
    };

    private static readonly Dictionary<string, Entry> ByEventName = Entries.ToDictionary(entry => entry.Event.Name);
    private static readonly Dictionary<Type, Entry> ByCommand = Entries.ToDictionary(entry => entry.Command);

    public static Entry? ForEvent(string eventTypeName) => ByEventName.GetValueOrDefault(eventTypeName);

    public static Entry ForCommand(Type commandType) => ByCommand[commandType];

    /// <summary>The fields a record's <c>data</c> carries: the command's own constructor parameters.</summary>
    public static IReadOnlyList<ParameterInfo> DataFields(Type commandType) =>
        commandType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    private static Entry Start<TEvent, TCommand>(ImportStream stream) where TCommand : Command => new(typeof(TEvent), typeof(TCommand), stream, true);
    private static Entry On<TEvent, TCommand>(ImportStream stream) where TCommand : Command => new(typeof(TEvent), typeof(TCommand), stream, false);

    /// <summary>The per-type table of schema/import-format.md (between its markers).</summary>
    public static string DataFieldsMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| type | stream | data fields | command |");
        text.AppendLine("|---|---|---|---|");
        foreach (var entry in Entries)
        {
            var fields = string.Join(", ", DataFields(entry.Command).Select(field => $"`{Camel(field.Name!)}`{(IsReference(field.ParameterType) ? " (ref)" : "")}"));
            var stream = entry.StartsStream ? $"starts a {entry.Stream} (`ref`)" : entry.Stream.ToString();
            text.AppendLine($"| `{entry.Event.Name}` | {stream} | {(fields.Length == 0 ? "(none)" : fields)} | `{entry.Command.Name}` |");
        }
        return text.ToString();
    }

    public static bool IsReference(Type type) =>
        type == typeof(Guid) || type == typeof(Guid?) || typeof(IEnumerable<Guid>).IsAssignableFrom(type);

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
