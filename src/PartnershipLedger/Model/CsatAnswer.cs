namespace PartnershipLedger.Model;

/// <summary>The 4-point answer scale of the playbook's customer satisfaction survey, lowest first.</summary>
public enum CsatAnswer
{
    LessThanExpected,
    AsExpected,
    MoreThanExpected,
    ConsistentlyMore,
}
