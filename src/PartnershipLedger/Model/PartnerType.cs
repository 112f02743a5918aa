namespace PartnershipLedger.Model;

/// <summary>The partner ecosystem of the playbook: what kind of IT solution provider an organization is.</summary>
public enum PartnerType
{
    Isv,
    LicensingSolutionProvider,
    ValueAddedReseller,
    SystemsIntegrator,
    LearningPartner,
    ManagedServiceProvider,
    SmbCloudPartner,
}
