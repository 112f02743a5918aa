using PartnershipLedger.Model;

namespace PartnershipLedger.Partnerships;

// Every event of a partnership's stream. Each carries the partnership id and its business time (OccurredAt);
// the acting user and organization, the recording time and the correlation id are Marten metadata.
// A fact that later facts refer to (a lead, an agreement, a plan, a support case) is identified by the id
// of the event that recorded it. Stored events outlive code: rename one only with an alias.

/// <summary>Marks the business function an evidence event is about (for maturity and the event catalogue).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvidenceOfAttribute(BusinessFunction function) : Attribute
{
    public BusinessFunction Function { get; } = function;
}

public interface IPartnershipEvent
{
    Guid PartnershipId { get; }
    DateTimeOffset OccurredAt { get; }
}

// Lifecycle
public sealed record PartnershipFormed(Guid PartnershipId, string Name, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IPartnershipEvent;
public sealed record MemberJoined(Guid PartnershipId, Guid OrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
public sealed record MemberLeft(Guid PartnershipId, Guid OrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
public sealed record PartnershipPaused(Guid PartnershipId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
public sealed record PartnershipResumed(Guid PartnershipId, DateTimeOffset OccurredAt) : IPartnershipEvent;
public sealed record PartnershipEnded(Guid PartnershipId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
public sealed record EventRetracted(Guid PartnershipId, Guid RetractedEventId, string RetractedEventType, string Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Joint business planning
public enum JointPlanHorizon { AdHoc, Activity, Annual }
[EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record JointPlanCreated(Guid PartnershipId, JointPlanHorizon Horizon, string? Title, IReadOnlyList<string> Kpis, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record JointPlanReviewed(Guid PartnershipId, Guid PlanId, bool InPerson, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record PartnerMeetingHeld(Guid PartnershipId, bool InPerson, string? Topic, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.JointBusinessPlanning)] public sealed record ExecutiveBriefingHeld(Guid PartnershipId, string? Topic, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Leads and pipeline
public enum OpportunityStage { Opening, Assessment, Proposal, Contracts, Won, Lost }
[EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record LeadShared(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string Customer, bool InterestExpressed, decimal? EstimatedValue, string? Campaign, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record LeadAccepted(Guid PartnershipId, Guid LeadId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record LeadDeclined(Guid PartnershipId, Guid LeadId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record OpportunityStageChanged(Guid PartnershipId, Guid LeadId, OpportunityStage Stage, string? Contact, decimal? ForecastAmount, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.LeadsAndPipeline)] public sealed record PipelineReviewHeld(Guid PartnershipId, bool InPerson, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Agreement
public enum AgreementKind { Handshake, DealSpecificContract, Nda, Mou, LetterOfIntent, PartnershipAgreement, MasterServicesAgreement, SubcontractorAgreement, SupportAgreement }
[EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementSigned(Guid PartnershipId, AgreementKind Kind, string? Title, IReadOnlyList<Guid> Parties, DateOnly? EffectiveFrom, DateOnly? ExpiresOn, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementReviewed(Guid PartnershipId, Guid AgreementId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementTerminated(Guid PartnershipId, Guid AgreementId, string? Reason, DateTimeOffset OccurredAt) : IPartnershipEvent;
/// <summary>Recorded by the ledger itself when an agreement's yearly review came due without a newer review.</summary>
[EvidenceOf(BusinessFunction.Agreement)] public sealed record AgreementReviewOverdue(Guid PartnershipId, Guid AgreementId, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Sales compensation
public enum CompensationModel { AdHoc, DealSpecific, Referral, ProjectBased, CampaignBased }
[EvidenceOf(BusinessFunction.SalesCompensation)] public sealed record CompensationPlanRecorded(Guid PartnershipId, CompensationModel Model, bool Published, bool SharedIncentives, string? Description, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Market messaging
public enum MarketingActivityKind { OnRequest, PartnerRecognition, WebsiteVisibility, JointMessaging, JointCampaign, JointEvent }
[EvidenceOf(BusinessFunction.MarketMessaging)] public sealed record JointMarketingActivityRecorded(Guid PartnershipId, MarketingActivityKind Kind, string Description, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.MarketMessaging)] public sealed record JointMarketingPlanAdopted(Guid PartnershipId, string Title, IReadOnlyList<string> Measures, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Geography
[EvidenceOf(BusinessFunction.Geography)] public sealed record MarketAccessGained(Guid PartnershipId, string Market, Guid ForOrganizationId, Guid ThroughOrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.Geography)] public sealed record CoveragePlanAdopted(Guid PartnershipId, IReadOnlyList<string> Markets, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Resource utilization
[EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record ResourcesSubcontracted(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string? Competency, string? Opportunity, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record ResourcesShared(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string Competency, string? Opportunity, bool ForSales, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record RateCardAgreed(Guid PartnershipId, bool TwoWay, string? Description, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ResourceUtilization)] public sealed record JointResourcePlanAdopted(Guid PartnershipId, IReadOnlyList<string> Competencies, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Readiness and certification
[EvidenceOf(BusinessFunction.ReadinessAndCertification)] public sealed record JointTrainingHeld(Guid PartnershipId, string Topic, bool InOverlappingArea, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ReadinessAndCertification)] public sealed record CertificationPlanAgreed(Guid PartnershipId, IReadOnlyList<string> Certifications, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ReadinessAndCertification)] public sealed record CertificationEarned(Guid PartnershipId, Guid OrganizationId, string Certification, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Product and customer support
[EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportCaseLogged(Guid PartnershipId, string Customer, string Summary, Guid ReportedByOrganizationId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportCaseResolved(Guid PartnershipId, Guid CaseId, bool Proactive, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportContactAssigned(Guid PartnershipId, Guid OrganizationId, string Contact, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SupportReviewHeld(Guid PartnershipId, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.ProductAndCustomerSupport)] public sealed record SharedCrmAdopted(Guid PartnershipId, string System, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Customer relationships and satisfaction
[EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CustomerMeetingHeld(Guid PartnershipId, string Customer, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CsatSurveyLogged(Guid PartnershipId, string Customer, string Project, string? ProjectNumber, IReadOnlyList<CsatAnswer> Answers, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CustomerReferenceShared(Guid PartnershipId, Guid FromOrganizationId, Guid ToOrganizationId, string Customer, DateTimeOffset OccurredAt) : IPartnershipEvent;
[EvidenceOf(BusinessFunction.CustomerRelationshipsAndSatisfaction)] public sealed record CustomerIssueJointlyOwned(Guid PartnershipId, string Customer, string Issue, DateTimeOffset OccurredAt) : IPartnershipEvent;

// Self-assessment: one member organization answers one function's questionnaire; scored when recorded.
public sealed record SelfAssessmentRecorded(Guid PartnershipId, Guid OrganizationId, BusinessFunction Function, IReadOnlyList<bool> Answers, int YesCount, MaturityLevel Level, string ModelVersion, DateTimeOffset OccurredAt) : IPartnershipEvent;
