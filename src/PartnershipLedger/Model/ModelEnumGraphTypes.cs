using GraphQL.Types;

namespace PartnershipLedger.Model;

public sealed class MaturityLevelGraphType : EnumerationGraphType<MaturityLevel>
{
    public MaturityLevelGraphType()
    {
        Name = "MaturityLevel";
        Description = "The four levels of the P2P Maturity Model, lowest first: BASIC, REACTIVE, PROACTIVE, DYNAMIC.";
    }
}

public sealed class BusinessFunctionGraphType : EnumerationGraphType<BusinessFunction>
{
    public BusinessFunctionGraphType()
    {
        Name = "BusinessFunction";
        Description = "The ten business functions of a partnership, in the playbook's order.";
    }
}

public sealed class PartnerTypeGraphType : EnumerationGraphType<PartnerType>
{
    public PartnerTypeGraphType()
    {
        Name = "PartnerType";
        Description = "The kinds of IT solution provider in the partner ecosystem of the playbook.";
    }
}

public sealed class CsatAnswerGraphType : EnumerationGraphType<CsatAnswer>
{
    public CsatAnswerGraphType()
    {
        Name = "CsatAnswer";
        Description = "The 4-point answer scale of the customer satisfaction survey, lowest first.";
    }
}
