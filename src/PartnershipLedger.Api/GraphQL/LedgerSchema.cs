using GraphQL.Types;
using PartnershipLedger.Model;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>The one GraphQL schema of the ledger; capabilities add their fields to the root types.</summary>
public sealed class LedgerSchema : Schema
{
    public LedgerSchema(IServiceProvider services) : base(services)
    {
        Description = "PartnershipLedger: an event-sourced record of partner-to-partner partnerships, scored against the IAMCP P2P Maturity Model.";
        Query = new LedgerQuery();
    }
}

public sealed class LedgerQuery : ObjectGraphType
{
    public LedgerQuery()
    {
        Name = "Query";
        Description = "Everything that can be read.";
        ModelQueries.AddTo(this);
    }
}
