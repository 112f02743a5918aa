namespace PartnershipLedger.Model;

/// <summary>The ten business functions of a partnership, in the playbook's order.</summary>
public enum BusinessFunction
{
    JointBusinessPlanning,
    LeadsAndPipeline,
    Agreement,
    SalesCompensation,
    MarketMessaging,
    Geography,
    ResourceUtilization,
    ReadinessAndCertification,
    ProductAndCustomerSupport,
    CustomerRelationshipsAndSatisfaction,
}
